package health.courses.notification.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.contact.Channels;
import health.courses.notification.contact.Contact;
import health.courses.notification.contact.ContactService;
import health.courses.notification.contact.QuietHours;
import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.EventData;
import health.courses.notification.notification.NotificationPlanner;
import health.courses.notification.notification.PlannedNotification;
import health.courses.notification.session.SessionEvent;
import health.courses.notification.settings.NotificationSettings;
import health.courses.notification.settings.SettingsService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code session.completed.v1} ▶ a check-in: the check-in row and its two messages (the check-in at the clinic's
 * check-in time, and the one follow-up after the clinic's follow-up delay) commit with the inbox row of the event.
 * The check-in is unique per session, so a redelivery or a re-publish with a new event id plans nothing new.
 */
@ApplicationScoped
public class CheckInPlanner implements CourseEventHandler {

    private static final Logger LOG = Logger.getLogger(CheckInPlanner.class);

    private final EventData data;
    private final CheckInRepository checkIns;
    private final CheckInToken tokens;
    private final NotificationPlanner planner;
    private final SettingsService settings;
    private final ContactService contacts;
    private final CheckInConfig config;
    private final Clock clock;

    CheckInPlanner(EventData data, CheckInRepository checkIns, CheckInToken tokens, NotificationPlanner planner,
            SettingsService settings, ContactService contacts, CheckInConfig config, Clock clock) {
        this.clock = clock;
        this.data = data;
        this.checkIns = checkIns;
        this.tokens = tokens;
        this.planner = planner;
        this.settings = settings;
        this.contacts = contacts;
        this.config = config;
    }

    @Override
    public Set<String> types() {
        return Set.of(SessionEvent.COMPLETED);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        SessionEvent session = data.read(event, SessionEvent.class);
        return settings.of(session.clinicId()).chain(clinic -> contacts.contactFor(session.clinicId(), session.patientId())
                .chain(contact -> plan(session, clinic, contact)));
    }

    private Uni<Void> plan(SessionEvent session, NotificationSettings clinic, Optional<Contact> contact) {
        ZoneId zone = contact.map(Contact::zone).orElse(ZoneId.of(session.zone()));
        QuietHours quiet = contact.flatMap(Contact::quietHours).orElse(clinic.quietHours());
        Instant now = clock.instant();
        Instant asked = CheckInSchedule.dueAt(session.end().toInstant(), clinic.checkIn(), zone);
        // A completed session reported late (a replay, a correction) is checked on at once rather than never.
        Instant due = CheckInSchedule.outsideQuietHours(asked.isBefore(now) ? now : asked, zone, quiet);
        Instant followUp = CheckInSchedule.outsideQuietHours(due.plus(Duration.parse(clinic.followUpDelay())), zone,
                quiet);
        Instant unanswered = followUp.plus(config.unansweredAfter());
        UUID id = UUID.randomUUID();
        byte[] nonce = CheckInToken.newNonce();
        PlannedCheckIn planned = new PlannedCheckIn(session.clinicId(), session.courseId(), session.sessionId(),
                session.patientId(), session.end(), due.atOffset(ZoneOffset.UTC), followUp.atOffset(ZoneOffset.UTC),
                unanswered.atOffset(ZoneOffset.UTC));
        return checkIns.create(id, planned, nonce, CheckInToken.hash(tokens.of(id, nonce))).chain(created -> {
            if (!created) {
                LOG.debugf("Session %s has its check-in already", session.sessionId());
                return Uni.createFrom().voidItem();
            }
            CheckInLetter letter = new CheckInLetter(id, Base64.getEncoder().encodeToString(nonce), clinic.clinicName());
            List<PlannedNotification> messages = new ArrayList<>();
            for (String channel : contact.map(Contact::preferredChannels).orElse(Channels.DEFAULT_PREFERRED)) {
                messages.add(message(planned, CheckInKind.CHECK_IN, channel, planned.dueAt().toInstant(), id, letter,
                        contact));
                messages.add(message(planned, CheckInKind.FOLLOW_UP, channel, followUp, id, letter, contact));
            }
            return Multi.createFrom().iterable(messages).onItem().transformToUniAndConcatenate(planner::plan)
                    .collect().last().replaceWithVoid();
        });
    }

    private static PlannedNotification message(PlannedCheckIn checkIn, String kind, String channel, Instant due,
            UUID checkInId, CheckInLetter letter, Optional<Contact> contact) {
        Optional<String> skip = contact.filter(c -> !c.accepts(kind, channel)).map(c -> "opted-out");
        return new PlannedNotification(checkIn.clinicId(), checkIn.patientId(), checkIn.courseId(),
                Optional.of(checkIn.sessionId()), Optional.empty(), kind, channel, due.atOffset(ZoneOffset.UTC),
                "%s:%s:%s".formatted(kind, checkInId, channel), letter, skip);
    }
}
