package health.courses.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.contact.Channels;
import health.courses.notification.contact.ContactPreferences;
import health.courses.notification.contact.ContactKey;
import health.courses.notification.contact.PlanningPreferences;
import health.courses.notification.events.BatchReads;
import health.courses.notification.notification.NotificationPlanner;
import health.courses.notification.notification.NotificationRepository;
import health.courses.notification.notification.PlannedNotification;
import health.courses.notification.session.SessionState;
import health.courses.notification.settings.NotificationSettings;
import health.courses.notification.settings.PlanningSettings;
import io.smallrye.mutiny.Uni;

/**
 * Turns the current state of a session into reminders and notices. Runs inside the consumer's transaction, so
 * the projection change, the withdrawals and the new plan commit together with the inbox row.
 */
@ApplicationScoped
public class ReminderService {

    private final NotificationPlanner planner;
    private final NotificationRepository notifications;
    private final PlanningPreferences contacts;
    private final PlanningSettings settings;
    private final Clock clock;

    ReminderService(NotificationPlanner planner, NotificationRepository notifications, PlanningPreferences contacts,
            PlanningSettings settings, Clock clock) {
        this.clock = clock;
        this.planner = planner;
        this.notifications = notifications;
        this.contacts = contacts;
        this.settings = settings;
    }

    /**
     * One reminder per offset per preferred channel. Keys carry the session version and plan generation, so a
     * redelivered event plans nothing new while a reschedule (new version) or a resume (new generation) does.
     */
    public Uni<Void> planReminders(SessionState session) {
        return remindersFor(session).chain(this::planAll);
    }

    /** {@link #planReminders}'s plan, not yet written: several sessions' plans can then go in one statement. */
    public Uni<List<PlannedNotification>> remindersFor(SessionState session) {
        if (!session.stillWants(session.version())) {
            return Uni.createFrom().item(List.of());
        }
        return context(session.clinicId(), session.patientId()).map(context -> remindersFor(session, context));
    }

    /**
     * The reminders of a run of sessions (a booking's, a consumed backlog's), in the sessions' order: their clinics'
     * settings in one statement, their patients' preferences in one more, then no query per session.
     */
    public Uni<List<List<PlannedNotification>>> remindersFor(List<SessionState> run) {
        List<SessionState> wanted = run.stream().filter(session -> session.stillWants(session.version())).toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(run.stream().map(session -> List.<PlannedNotification> of()).toList());
        }
        return settings.of(wanted.stream().map(SessionState::clinicId).collect(Collectors.toSet()))
                .chain(clinics -> contacts.of(wanted.stream()
                        .map(session -> new ContactKey(session.clinicId(), session.patientId())).toList())
                        .map(preferences -> run.stream().map(session -> session.stillWants(session.version())
                                ? remindersFor(session, new Context(clinics.get(session.clinicId()),
                                        Optional.ofNullable(preferences.get(
                                                new ContactKey(session.clinicId(), session.patientId())))))
                                : List.<PlannedNotification> of()).toList()));
    }

    private List<PlannedNotification> remindersFor(SessionState session, Context context) {
        Instant now = clock.instant();
        ZoneId zone = context.contact().map(ContactPreferences::zone).orElse(ZoneId.of(session.zone()));
        var quiet = context.contact().flatMap(ContactPreferences::quietHours).orElse(context.settings().quietHours());
        SessionLetter letter = letter(session, context.settings(), null);
        List<PlannedNotification> plan = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String channel : context.channels()) {
            for (Duration offset : context.settings().offsets()) {
                Instant due = ReminderSchedule.dueAt(session.startsAt().toInstant(), offset, zone, quiet);
                // Two offsets pushed to the same minute by quiet hours would be the same message twice.
                if (!taken.add(channel + "@" + due)) {
                    continue;
                }
                Optional<String> skip = due.isAfter(now) ? optedOut(context, MessageKind.REMINDER, channel)
                        : Optional.of("past-due");
                plan.add(new PlannedNotification(session.clinicId(), session.patientId(), session.courseId(),
                        Optional.of(session.sessionId()), Optional.of(session.version()), MessageKind.REMINDER,
                        channel, due.atOffset(ZoneOffset.UTC),
                        "%s:%s:v%d:g%d:%s:%s".formatted(MessageKind.REMINDER, session.sessionId(), session.version(),
                                session.planGeneration(), offset, channel),
                        letter, skip));
            }
        }
        return plan;
    }

    /** Reminders of these sessions that have not gone out yet will not. */
    public Uni<Integer> withdrawReminders(List<UUID> sessionIds, String reason) {
        return notifications.withdrawReminders(sessionIds, MessageKind.REMINDER, reason);
    }

    /** Tells the patient at once that a session moved or was cancelled: one message per preferred channel. */
    public Uni<Void> sessionNotice(SessionState session, String kind, OffsetDateTime previousStart) {
        if (session.startsAt().toInstant().isBefore(clock.instant())) {
            // Nobody needs telling that a session in the past changed (e.g. a late correction).
            return Uni.createFrom().voidItem();
        }
        return context(session.clinicId(), session.patientId()).chain(context -> {
            SessionLetter letter = letter(session, context.settings(), previousStart);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            return planAll(context.channels().stream().map(channel -> new PlannedNotification(session.clinicId(),
                    session.patientId(), session.courseId(), Optional.of(session.sessionId()), Optional.empty(), kind,
                    channel, now, "%s:%s:v%d:%s".formatted(kind, session.sessionId(), session.version(), channel),
                    letter, optedOut(context, kind, channel))).toList());
        });
    }

    /** Tells the patient once per course version that the course is held or cancelled. */
    public Uni<Void> courseNotice(UUID clinicId, UUID patientId, UUID courseId, long courseVersion, String kind) {
        return context(clinicId, patientId).chain(context -> {
            CourseLetter letter = new CourseLetter(courseId, context.settings().clinicName());
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            return planAll(context.channels().stream().map(channel -> new PlannedNotification(clinicId, patientId,
                    courseId, Optional.empty(), Optional.empty(), kind, channel, now,
                    "%s:%s:v%d:%s".formatted(kind, courseId, courseVersion, channel), letter,
                    optedOut(context, kind, channel))).toList());
        });
    }

    private Uni<Void> planAll(List<PlannedNotification> plan) {
        return planner.planAll(plan).replaceWithVoid();
    }

    private Uni<Context> context(UUID clinicId, UUID patientId) {
        // a batch's events mostly share a clinic and a patient: read each once per batch
        ContactKey key = new ContactKey(clinicId, patientId);
        return BatchReads.once(new SettingsOf(clinicId), () -> settings.of(List.of(clinicId)).map(read -> read.get(clinicId)))
                .chain(clinicSettings -> BatchReads.once(new PreferencesOf(clinicId, patientId),
                        () -> contacts.of(List.of(key)).map(read -> Optional.ofNullable(read.get(key))))
                        .map(contact -> new Context(clinicSettings, contact)));
    }

    private static Optional<String> optedOut(Context context, String kind, String channel) {
        return context.contact().filter(contact -> !contact.accepts(kind, channel)).map(contact -> "opted-out");
    }

    private static SessionLetter letter(SessionState session, NotificationSettings settings, OffsetDateTime previousStart) {
        return new SessionLetter(session.sessionId(), session.courseId(), session.startsAt(), session.endsAt(),
                session.zone(), session.sequence(), settings.clinicName(), previousStart);
    }

    private record SettingsOf(UUID clinicId) {
    }

    private record PreferencesOf(UUID clinicId, UUID patientId) {
    }

    /**
     * What planning reads besides the session. Without a contact yet, email is planned: the clinic may add the
     * contact before the reminder falls due, and if not the dispatcher records it as skipped (no-contact).
     */
    private record Context(NotificationSettings settings, Optional<ContactPreferences> contact) {
        List<String> channels() {
            return contact.map(ContactPreferences::preferredChannels).orElse(Channels.DEFAULT_PREFERRED);
        }
    }
}
