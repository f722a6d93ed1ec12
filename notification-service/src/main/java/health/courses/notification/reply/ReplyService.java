package health.courses.notification.reply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.contact.ContactCipher;
import health.courses.notification.contact.ContactsByPhone;
import health.courses.notification.contact.ContactsByPhone.Sender;
import health.courses.notification.contact.Languages;
import health.courses.notification.contact.QuietHours;
import health.courses.notification.outbox.Outbox;
import health.courses.notification.reply.ReplyRepository.NextSession;
import health.courses.notification.reply.ReplyTexts.Text;
import health.courses.notification.settings.NotificationSettings;
import health.courses.notification.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies one SMS reply, in one transaction: the reply is recorded under its MessageSid first (a redelivery finds it
 * and changes nothing), then what its keyword asks for happens with it: a confirmation or reschedule request as an
 * outbox event for scheduling-service, an opt-out or opt-in on the contacts with that number, a free text kept
 * encrypted for the clinic. What we answer comes back as the text of the TwiML reply.
 *
 * <p>Quiet hours: the answers to STOP, START and HELP are sent at once (carriers require them; the patient just wrote).
 * The acknowledgement of a confirmation, a reschedule request or a message is left out during the patient's quiet
 * hours (their own, else the clinic's, in their zone): what they asked for is applied and the clinic sees it, and a
 * receipt for a text the patient sent in the night is not worth a message that lands in someone else's night (a
 * shared phone) or wakes them after they fell asleep. No later receipt is planned: by the morning the reminder
 * that follows says more than a receipt would.
 *
 * <p>After STOP the number gets nothing but the answers to START and HELP: a reply to a confirmation is a message too.
 */
@ApplicationScoped
public class ReplyService {

    private static final Logger LOG = Logger.getLogger(ReplyService.class);
    static final String SMS = "sms";
    static final String EMAIL = "email";

    private final ContactsByPhone contacts;
    private final ReplyRepository replies;
    private final SettingsService settings;
    private final ContactCipher cipher;
    private final Outbox outbox;
    private final Clock clock;

    ReplyService(ContactsByPhone contacts, ReplyRepository replies, SettingsService settings, ContactCipher cipher,
            Outbox outbox, Clock clock) {
        this.contacts = contacts;
        this.replies = replies;
        this.settings = settings;
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An SMS reply as the provider posted it. */
    record InboundSms(UUID clinicId, String messageSid, String from, String body) {
    }

    /** What the TwiML answer says; empty: an empty {@code <Response/>}. */
    record Answer(Optional<String> message) {
        static final Answer NONE = new Answer(Optional.empty());

        static Answer of(String message) {
            return new Answer(Optional.of(message));
        }
    }

    public Uni<Answer> receive(InboundSms sms) {
        return Panache.withTransaction(() -> apply(sms)).invoke(answer -> outbox.committed());
    }

    private Uni<Answer> apply(InboundSms sms) {
        Instant now = clock.instant();
        Keyword keyword = Keyword.of(sms.body());
        return contacts.withNumber(sms.clinicId(), sms.from()).chain(senders -> settings.of(sms.clinicId())
                .chain(clinic -> {
                    List<UUID> patients = senders.stream().map(Sender::patientId).toList();
                    // A message too goes to the patient whose session comes first: the likeliest writer.
                    Uni<Optional<NextSession>> next = keyword == Keyword.CONFIRM || keyword == Keyword.RESCHEDULE
                            || keyword == Keyword.MESSAGE ? replies.nextSession(sms.clinicId(), patients, now)
                                    : Uni.createFrom().item(Optional.empty());
                    return next.chain(session -> {
                        // The patient the reply is about: the one whose session comes first, else the first by id.
                        Optional<Sender> sender = session.map(found -> senders.stream()
                                .filter(candidate -> candidate.patientId().equals(found.patientId())).findFirst())
                                .orElse(senders.stream().findFirst());
                        boolean confirmOrReschedule = keyword == Keyword.CONFIRM || keyword == Keyword.RESCHEDULE;
                        Reply reply = new Reply(UUID.randomUUID(), sms.clinicId(), SMS, sms.messageSid(),
                                sender.map(Sender::patientId).orElse(null), keyword.stored,
                                confirmOrReschedule ? session.map(NextSession::sessionId).orElse(null) : null,
                                confirmOrReschedule ? session.map(NextSession::courseId).orElse(null) : null, now);
                        return replies.record(reply).chain(first -> {
                            if (!first) {
                                LOG.debugf("SMS reply %s of clinic %s was applied before; nothing changes",
                                        sms.messageSid(), sms.clinicId());
                                return Uni.createFrom().item(Answer.NONE);
                            }
                            return act(keyword, sms, reply, senders, sender, session, clinic, now);
                        });
                    });
                }));
    }

    private Uni<Answer> act(Keyword keyword, InboundSms sms, Reply reply, List<Sender> senders,
            Optional<Sender> sender, Optional<NextSession> session, NotificationSettings clinic, Instant now) {
        String language = sender.map(Sender::language).orElse(clinicLanguage(clinic));
        String name = clinic.clinicName();
        boolean optedOut = !senders.isEmpty() && senders.stream().allMatch(Sender::smsOptedOut);
        List<UUID> patients = senders.stream().map(Sender::patientId).toList();
        switch (keyword) {
            case OPT_OUT:
                return contacts.smsOptOut(sms.clinicId(), patients, true, now.atOffset(java.time.ZoneOffset.UTC))
                        // One confirmation, and nothing after it: a repeated STOP is not answered again.
                        .replaceWith(optedOut ? Answer.NONE : Answer.of(ReplyTexts.of(language, Text.OPTED_OUT, name)));
            case OPT_IN:
                return contacts.smsOptOut(sms.clinicId(), patients, false, now.atOffset(java.time.ZoneOffset.UTC))
                        .replaceWith(Answer.of(ReplyTexts.of(language, Text.OPTED_IN, name)));
            case HELP:
                return Uni.createFrom().item(Answer.of(ReplyTexts.help(language, name, clinic.replyTo(),
                        clinic.offsets().size())));
            default:
                break;
        }
        if (sender.isEmpty()) {
            return Uni.createFrom().item(optedOut ? Answer.NONE : Answer.of(ReplyTexts.of(language, Text.UNKNOWN_NUMBER, name)));
        }
        Sender patient = sender.get();
        boolean quiet = quietNow(patient, clinic, now);
        Uni<Text> done;
        if (keyword == Keyword.MESSAGE) {
            done = replies.keepMessage(reply.id(), sms.clinicId(), patient.patientId(), cipher.currentKeyId(),
                    cipher.encrypt(ContactCipher.Field.MESSAGE, sms.clinicId(), patient.patientId(),
                            sms.body() == null ? "" : sms.body().strip()), now)
                    .replaceWith(Text.MESSAGE_KEPT);
        } else if (session.isEmpty()) {
            done = Uni.createFrom().item(Text.NOTHING_TO_CONFIRM);
        } else {
            NextSession next = session.get();
            String type = keyword == Keyword.CONFIRM ? ReplyEvent.CONFIRMATION_RECEIVED : ReplyEvent.RESCHEDULE_REQUESTED;
            // ce_subject is the reply id, as the contract's AsyncAPI entry names it.
            done = outbox.append(next.courseId(), type, reply.id(), now.atOffset(java.time.ZoneOffset.UTC),
                    new ReplyEvent(sms.clinicId(), next.courseId(), next.sessionId(), next.patientId(), reply.id(), SMS,
                            now))
                    .replaceWith(keyword == Keyword.CONFIRM ? Text.CONFIRMED : Text.RESCHEDULE);
        }
        return done.map(text -> {
            if (quiet || optedOut) {
                return Answer.NONE;
            }
            return Answer.of(session.isPresent() && (text == Text.CONFIRMED || text == Text.RESCHEDULE)
                    ? ReplyTexts.about(language, text, name, session.get().startsAt(), patient.zone())
                    : ReplyTexts.of(language, text, name));
        });
    }

    /** What pressing a mail's button did. */
    enum MailOutcome {
        /** Applied now: the event is on its way to scheduling-service. */
        DONE,
        /** This link was used before; nothing changes. */
        ALREADY,
        /** The session is no longer scheduled or has begun: nothing to confirm or move online. */
        GONE
    }

    /**
     * The Confirm or "I need another time" button behind a reminder mail's link: recorded once per session and action
     * ({@code delivery_key = <action>:<session>}), so a second press, or the same link opened on two devices, sends
     * no second event; the same event as an SMS reply otherwise, with channel {@code email}.
     */
    Uni<MailOutcome> fromMail(ReplyLinks.Request request) {
        Instant now = clock.instant();
        Keyword keyword = request.action() == ReplyLinks.Action.CONFIRM ? Keyword.CONFIRM : Keyword.RESCHEDULE;
        return Panache.withTransaction(() -> replies.confirmable(request.clinicId(), request.patientId(),
                request.sessionId(), now).chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(MailOutcome.GONE);
                    }
                    NextSession session = found.get();
                    Reply reply = new Reply(UUID.randomUUID(), request.clinicId(), EMAIL,
                            keyword.stored + ":" + session.sessionId(), request.patientId(), keyword.stored,
                            session.sessionId(), session.courseId(), now);
                    return replies.record(reply).chain(first -> !first ? Uni.createFrom().item(MailOutcome.ALREADY)
                            : outbox.append(session.courseId(), keyword == Keyword.CONFIRM
                                    ? ReplyEvent.CONFIRMATION_RECEIVED : ReplyEvent.RESCHEDULE_REQUESTED, reply.id(),
                                    now.atOffset(java.time.ZoneOffset.UTC),
                                    new ReplyEvent(request.clinicId(), session.courseId(), session.sessionId(),
                                            request.patientId(), reply.id(), EMAIL, now))
                                    .replaceWith(MailOutcome.DONE));
                })).invoke(outcome -> {
                    if (outcome == MailOutcome.DONE) {
                        outbox.committed();
                    }
                });
    }

    /** The patient's own quiet hours, else the clinic's, at this instant in the patient's zone. */
    static boolean quietNow(Sender patient, NotificationSettings clinic, Instant now) {
        QuietHours quiet = patient.quietHours().orElse(clinic.quietHours());
        ZoneId zone = patient.zone();
        return quiet != null && quiet.contains(now.atZone(zone).toLocalTime());
    }

    private static String clinicLanguage(NotificationSettings clinic) {
        return clinic.languages() == null || clinic.languages().isEmpty() ? Languages.DEFAULT
                : clinic.languages().get(0);
    }
}
