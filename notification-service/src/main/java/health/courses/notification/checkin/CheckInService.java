package health.courses.notification.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.contact.Channels;
import health.courses.notification.contact.Contact;
import health.courses.notification.audit.AuditLog;
import health.courses.notification.contact.ContactService;
import health.courses.notification.contact.Languages;
import health.courses.notification.notification.Dispatcher;
import health.courses.notification.notification.NotificationPlanner;
import health.courses.notification.notification.NotificationRepository;
import health.courses.notification.notification.PlannedNotification;
import health.courses.notification.outbox.Outbox;
import health.courses.notification.settings.SettingsService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Opening and answering a check-in through its link. An answer is taken once: the check-in row is locked, the
 * answer and its decision are stored, the follow-up withdrawn, the outcome event written to the outbox and, when
 * urgent, the "call your physician now" message planned, all in one transaction.
 */
@ApplicationScoped
public class CheckInService {

    private static final Logger LOG = Logger.getLogger(CheckInService.class);

    private final CheckInRepository checkIns;
    private final CheckInToken tokens;
    private final Triage triage;
    private final Outbox outbox;
    private final NotificationPlanner planner;
    private final NotificationRepository notifications;
    private final Dispatcher dispatcher;
    private final ContactService contacts;
    private final SettingsService settings;
    private final CheckInConfig config;
    private final MeterRegistry metrics;
    private final AuditLog audit;
    private final Clock clock;

    CheckInService(CheckInRepository checkIns, CheckInToken tokens, Triage triage, Outbox outbox,
            NotificationPlanner planner, NotificationRepository notifications, Dispatcher dispatcher,
            ContactService contacts, SettingsService settings, CheckInConfig config, MeterRegistry metrics,
            AuditLog audit,
            Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.checkIns = checkIns;
        this.tokens = tokens;
        this.triage = triage;
        this.outbox = outbox;
        this.planner = planner;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.contacts = contacts;
        this.settings = settings;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Visit> open(String token) {
        return Panache.withSession(() -> find(token, false).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Visit.notFound());
            }
            CheckIn checkIn = found.get();
            if (CheckIn.ANSWERED.equals(checkIn.status())) {
                return checkIns.answerOf(checkIn.id()).chain(answer -> visit(checkIn, Visit.Status.ANSWERED_BEFORE,
                        answer.map(AnswerRecord::decision).orElse(null)));
            }
            return expired(checkIn).chain(expired -> visit(checkIn,
                    expired ? Visit.Status.EXPIRED : Visit.Status.OPEN, null));
        }));
    }

    public Uni<Visit> answer(String token, Answer answer) {
        return Panache.withTransaction(() -> find(token, true).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Visit.notFound());
            }
            CheckIn checkIn = found.get();
            if (CheckIn.ANSWERED.equals(checkIn.status())) {
                return checkIns.answerOf(checkIn.id()).chain(before -> visit(checkIn, Visit.Status.ANSWERED_BEFORE,
                        before.map(AnswerRecord::decision).orElse(null)));
            }
            // An open or an unanswered check-in can be answered while its link is valid: a late "unable to
            // urinate" must still reach the clinic.
            return expired(checkIn).chain(expired -> expired ? visit(checkIn, Visit.Status.EXPIRED, null)
                    : take(checkIn, answer));
        })).invoke(visit -> {
            if (visit.status() == Visit.Status.ANSWERED_NOW) {
                metrics.counter("courses.checkins.answered", "severity", visit.decision().severity().code())
                        .increment();
                outbox.committed();
                if (visit.decision().severity() == Severity.URGENT) {
                    dispatcher.dueNow();
                }
            }
        });
    }

    private Uni<Visit> take(CheckIn checkIn, Answer answer) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return checkIns.previousAnswer(checkIn).chain(previous -> {
            Decision decision = triage.judge(answer, previous.map(AnswerRecord::answer));
            CheckInEvent event = CheckInEvent.of(checkIn, decision.severity().code(), decision.ruleVersion(),
                    now.toInstant());
            return Panache.getSession()
                    .chain(session -> session.persist(AnswerRecord.of(checkIn.id(), answer, decision, now)))
                    .chain(() -> checkIns.markAnswered(checkIn.id(), now))
                    .chain(() -> notifications.withdrawReminders(List.of(checkIn.sessionId()), CheckInKind.FOLLOW_UP,
                            "answered"))
                    .chain(() -> outbox.append(checkIn.courseId(), CheckInEvent.typeFor(decision.severity()),
                            checkIn.id(), now, event))
                    .chain(() -> decision.severity() == Severity.URGENT ? urgentAdvice(checkIn, now)
                            : Uni.createFrom().voidItem())
                    // The link is the patient's only credential: the audit names it, never the token.
                    .chain(() -> audit.recordAs(checkIn.clinicId(), "check-in-link", "patient", "check-in.answered",
                            "check-in", checkIn.id().toString()))
                    .invoke(() -> LOG.infof("Check-in %s of course %s answered: %s (rules v%d)", checkIn.id(),
                            checkIn.courseId(), decision.severity().code(), decision.ruleVersion()))
                    .chain(() -> visit(checkIn, Visit.Status.ANSWERED_NOW, decision));
        });
    }

    /** "Call your physician now", on every preferred channel, at once: it ignores quiet hours. */
    private Uni<Void> urgentAdvice(CheckIn checkIn, OffsetDateTime now) {
        return settings.of(checkIn.clinicId()).chain(clinic -> contacts.contactFor(checkIn.clinicId(),
                checkIn.patientId()).chain(contact -> {
                    CheckInLetter letter = new CheckInLetter(checkIn.id(), null, clinic.clinicName());
                    List<PlannedNotification> plan = new ArrayList<>();
                    for (String channel : contact.map(Contact::preferredChannels).orElse(Channels.DEFAULT_PREFERRED)) {
                        plan.add(new PlannedNotification(checkIn.clinicId(), checkIn.patientId(), checkIn.courseId(),
                                Optional.of(checkIn.sessionId()), Optional.empty(), CheckInKind.URGENT_ADVICE, channel,
                                now, "%s:%s:%s".formatted(CheckInKind.URGENT_ADVICE, checkIn.id(), channel), letter,
                                contact.filter(c -> !c.accepts(CheckInKind.URGENT_ADVICE, channel))
                                        .map(c -> "opted-out")));
                    }
                    return Multi.createFrom().iterable(plan).onItem().transformToUniAndConcatenate(planner::plan)
                            .collect().last().replaceWithVoid();
                }));
    }

    /** By the token's hash, then confirmed against the token derived for the check-in found. */
    private Uni<Optional<CheckIn>> find(String token, boolean forUpdate) {
        Optional<String> plausible = CheckInToken.plausible(token);
        if (plausible.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return checkIns.byTokenHash(CheckInToken.hash(plausible.get()), forUpdate)
                .map(found -> found.filter(checkIn -> tokens.matches(plausible.get(), checkIn.id(), checkIn.nonce())));
    }

    /** A link works for {@code courses.checkin.link-validity} after the check-in first went out. */
    private Uni<Boolean> expired(CheckIn checkIn) {
        return checkIns.firstSentAt(checkIn).map(sent -> sent.orElse(checkIn.dueAt()).toInstant()
                .plus(config.linkValidity()).isBefore(clock.instant()));
    }

    private Uni<Visit> visit(CheckIn checkIn, Visit.Status status, Decision decision) {
        return settings.of(checkIn.clinicId()).chain(clinic -> contacts.contactFor(checkIn.clinicId(),
                checkIn.patientId()).map(contact -> new Visit(status,
                        contact.map(c -> c.language().getLanguage()).filter(Languages.SUPPORTED::contains)
                                .orElse(Languages.DEFAULT),
                        clinic.clinicName(), decision)));
    }
}
