package health.courses.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import health.courses.notification.contact.Contact;
import health.courses.notification.contact.ContactKey;
import health.courses.notification.contact.ContactOnFile;
import health.courses.notification.contact.StoredContacts;
import health.courses.notification.events.CourseEventApplied;
import health.courses.notification.session.SessionState;
import health.courses.notification.session.SessionStateRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The dispatch loop: sends notifications when they fall due. Durable: the plan is in PostgreSQL, so nothing due is
 * lost across restarts. Safe with replicas: a notification is claimed ({@code FOR UPDATE SKIP LOCKED}, then marked
 * {@code sending} with a lease) in one statement before the channel is called, and no transaction is held open
 * while a provider is being talked to.
 * <p>
 * A bounded pipeline rather than a barrier per batch: at most {@code concurrency} sends are in flight, and as soon as
 * half of that is free again the next batch is claimed, while the slower sends of earlier batches go on. Per batch:
 * one claim, one read of its reminders' sessions, one read of its contacts (not decrypted), the
 * {@link DispatchDecision} per notification, decryption only of those it sends, and one statement marking the sent
 * ones ({@link OutcomeRecorder}).
 */
// Created at startup so a configuration that breaks the lease rule stops the service at once.
@Startup
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Claims claims;
    private final StoredContacts contacts;
    private final SessionStateRepository sessions;
    private final Map<String, Channel> channels;
    private final Map<String, SendCheck> sendChecks;
    private final DispatchConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final OutcomeRecorder recorder;
    private final SendTrace traces;
    private final Vertx vertx;
    private final Clock clock;
    /** How long after a claim a send may still start and finish, with its result recorded, inside the lease. */
    private final Duration sendingWindow;
    /** One dispatch run per instance at a time; a wake-up during a run asks for one more run after it. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private volatile boolean stopping;

    Dispatcher(Claims claims, StoredContacts contacts, SessionStateRepository sessions, @All List<Channel> channels,
            @All List<SendCheck> sendChecks, DispatchConfig config, MeterRegistry metrics, OutcomeRecorder recorder,
            SendTrace traces, Vertx vertx, Clock clock) {
        this.clock = clock;
        this.claims = claims;
        this.contacts = contacts;
        this.sessions = sessions;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
        this.sendChecks = sendChecks.stream()
                .flatMap(check -> check.kinds().stream().map(kind -> Map.entry(kind, check)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.config = config;
        this.backoff = new Backoff(config.backoff().initial(), config.backoff().max());
        this.metrics = metrics;
        this.recorder = recorder;
        this.traces = traces;
        this.vertx = vertx;
        this.sendingWindow = config.lease().minus(config.sendTimeout().multipliedBy(2));
        if (sendingWindow.isNegative() || sendingWindow.isZero()) {
            throw new IllegalStateException("courses.notification.dispatch.lease must exceed twice the send-timeout");
        }
        // registered at start so an alert has the series from the first scrape
        metrics.counter("courses.notifications.dispatch.errors");
    }

    @Scheduled(identity = "notification-dispatch", every = "${courses.notification.dispatch.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return dispatchDue();
    }

    /** The consumer planned something that falls due before the next poll: do not wait for it. */
    void onEventApplied(@Observes CourseEventApplied applied) {
        // what falls due later is claimed by a poll at most one interval after its time, as before
        if (applied.earliestDue().filter(due -> due.isBefore(OffsetDateTime.now(clock).plus(config.pollInterval()))).isPresent()) {
            wake();
        }
    }

    /** Something was planned outside the consumer (e.g. a check-in answer's urgent advice) and may be due now. */
    public void dueNow() {
        wake();
    }

    private void wake() {
        // A context of its own, marked safe for Hibernate Reactive, rather than the consumer's.
        newSafeContext().runOnContext(ignored -> dispatchDue().subscribe().with(done -> {
        }, failure -> failed("A woken dispatch run", failure)));
    }

    /** Claims made now could not be finished; they would only wait out their lease. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** One run: claims and sends until nothing more is due, then completes once every outcome is recorded. */
    Uni<Void> dispatchDue() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void> emitter(done -> {
            Context context = newSafeContext();
            context.runOnContext(ignored -> new Run(context, done).pump());
        }).onTermination().invoke(() -> {
            running.set(false);
            if (wokenWhileRunning.getAndSet(false)) {
                wake();
            }
        });
    }

    /**
     * The state of one run. Every field is touched only on the run's own context (one event-loop thread): the claim,
     * the reads and each delivery's completion hop back to it.
     */
    private final class Run {

        private final Context context;
        private final UniEmitter<? super Void> done;
        /** Claim again only when at least this many sends are free: not one row per claim as sends trickle back. */
        private final int claimAtLeast = Math.max(1, Math.min(config.batchSize(), config.concurrency()) / 2);
        private int inFlight;
        private int unmarkedBatches;
        private boolean claiming;
        /** The last claim found fewer rows due than it asked for. */
        private boolean drained;

        Run(Context context, UniEmitter<? super Void> done) {
            this.context = context;
            this.done = done;
        }

        void pump() {
            if (claiming) {
                return;
            }
            if (drained || stopping) {
                if (inFlight == 0 && unmarkedBatches == 0) {
                    done.complete(null);
                }
                return;
            }
            int free = config.concurrency() - inFlight;
            if (free < claimAtLeast) {
                return;
            }
            int limit = Math.min(config.batchSize(), free);
            claiming = true;
            claims.claimDue(limit, config.lease())
                    .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(new Batch(claimed, Map.of(), Map.of()))
                            : readFor(claimed))
                    .subscribe().with(batch -> onContext(() -> {
                        claiming = false;
                        drained = batch.claimed().size() < limit;
                        start(batch);
                        pump();
                    }), failure -> onContext(() -> {
                        claiming = false;
                        drained = true;
                        failed("Claiming due notifications", failure);
                        pump();
                    }));
        }

        /** The batch's reminders' sessions and its contacts: two queries for the whole batch. */
        private Uni<Batch> readFor(List<Notification> claimed) {
            List<UUID> sessionIds = claimed.stream()
                    .filter(notification -> notification.sessionVersion() != null
                            && !sendChecks.containsKey(notification.kind()))
                    .map(Notification::sessionId).distinct().toList();
            List<ContactKey> keys = claimed.stream()
                    .map(notification -> new ContactKey(notification.clinicId(), notification.patientId()))
                    .distinct().toList();
            return Uni.combine().all().unis(sessions.currentOf(sessionIds), contacts.onFile(keys))
                    .with((states, onFile) -> new Batch(claimed, states, onFile));
        }

        private void start(Batch batch) {
            if (batch.claimed().isEmpty()) {
                return;
            }
            // The lease started in the database before the claim returned, so measuring from here with the
            // monotonic clock can only underestimate how much of it is left.
            long startSendingBy = System.nanoTime() + sendingWindow.toNanos();
            List<Notification> sent = new ArrayList<>();
            int[] pending = { batch.claimed().size() };
            inFlight += pending[0];
            unmarkedBatches++;
            for (Notification notification : batch.claimed()) {
                Context own = newSafeContext();
                // Deferred: a delivery that throws while being put together (a decryption, a composer) fails its own
                // Uni like any other failure, is counted, and still frees its place; it cannot stall the run.
                own.runOnContext(ignored -> Uni.createFrom().deferred(() -> deliver(notification, batch, startSendingBy))
                        .onFailure().recoverWithItem(failure -> {
                            failed("Dispatching notification " + notification.id(), failure);
                            return false;
                        })
                        .subscribe().with(wasSent -> onContext(() -> delivered(notification, wasSent, sent, pending)),
                                failure -> onContext(() -> {
                                    failed("Dispatching notification " + notification.id(), failure);
                                    delivered(notification, false, sent, pending);
                                })));
            }
        }

        /** One delivery of a batch is over; the last one marks the batch's sent notifications. */
        private void delivered(Notification notification, boolean wasSent, List<Notification> sent, int[] pending) {
            inFlight--;
            if (wasSent) {
                sent.add(notification);
            }
            if (--pending[0] == 0) {
                markSent(sent);
            }
            pump();
        }

        /** Marking at the end of the batch stays inside the lease: see {@link Dispatcher#sendingWindow}. */
        private void markSent(List<Notification> sent) {
            recorder.recordSent(sent).subscribe().with(marked -> onContext(this::batchMarked), failure -> onContext(() -> {
                failed("Marking " + sent.size() + " notifications sent", failure);
                batchMarked();
            }));
        }

        private void batchMarked() {
            unmarkedBatches--;
            pump();
        }

        private void onContext(Runnable step) {
            context.runOnContext(ignored -> step.run());
        }
    }

    /** A claimed batch and what was read for it. */
    private record Batch(List<Notification> claimed, Map<UUID, SessionState> sessions,
            Map<ContactKey, ContactOnFile> contacts) {
    }

    /** Decides, sends if so decided, and records any outcome but sent (the batch marks those); true if sent. */
    private Uni<Boolean> deliver(Notification notification, Batch batch, long startSendingBy) {
        Channel channel = channels.get(notification.channel());
        Optional<ContactOnFile> onFile = Optional.ofNullable(
                batch.contacts().get(new ContactKey(notification.clinicId(), notification.patientId())));
        return stillWanted(notification, batch.sessions()).chain(wanted -> {
            Outcome decided = DispatchDecision.beforeContact(new DispatchDecision.Facts(notification.attempts(),
                    config.maxAttempts(), notification.lastError(), System.nanoTime() - startSendingBy <= 0,
                    channel != null, wanted, onFile.map(contact -> contact.accepts(notification.kind(),
                            notification.channel()))));
            if (decided instanceof Outcome.Unsent unsent) {
                return recorder.record(notification, unsent).replaceWith(false);
            }
            Optional<Contact> contact = onFile.flatMap(ContactOnFile::decrypt);
            Outcome reachable = DispatchDecision.withContact(contact, channel::canReach);
            if (reachable instanceof Outcome.Unsent unsent) {
                return recorder.record(notification, unsent).replaceWith(false);
            }
            return send(channel, notification, contact.orElseThrow());
        });
    }

    /**
     * A reminder goes out only while its session is still scheduled, not held, and at the version it was planned
     * from. The consumer withdraws reminders when a session changes; this check covers the ones it could not (a
     * reminder claimed at that moment) and any change that reached us in between.
     */
    private Uni<Boolean> stillWanted(Notification notification, Map<UUID, SessionState> sessionStates) {
        SendCheck check = sendChecks.get(notification.kind());
        if (check != null) {
            return Panache.withSession(() -> check.stillWanted(notification));
        }
        if (notification.sessionVersion() == null) {
            return Uni.createFrom().item(true);
        }
        // read right after the claim, a moment before this send
        SessionState session = sessionStates.get(notification.sessionId());
        return Uni.createFrom().item(session != null && session.stillWants(notification.sessionVersion()));
    }

    private Uni<Boolean> send(Channel channel, Notification notification, Contact contact) {
        Context own = Vertx.currentContext();
        Delivery delivery = new Delivery(notification.id(), notification.clinicId(), notification.patientId(),
                notification.courseId(), notification.kind(), notification.idempotencyKey(), notification.attempts(),
                contact, notification.payload());
        Span span = traces.start(notification);
        return Uni.createFrom().deferred(() -> channel.send(delivery))
                .ifNoItem().after(config.sendTimeout()).fail()
                .<Outcome> map(accepted -> new Outcome.Sent())
                .onFailure().recoverWithItem(failure -> DispatchDecision.afterAttempt(failure, ErrorText.of(failure),
                        notification.attempts(), config.maxAttempts(), backoff, ThreadLocalRandom.current()))
                .invoke(outcome -> {
                    if (span != null) {
                        span.setAttribute("notification.outcome", outcome.name());
                        if (!(outcome instanceof Outcome.Sent)) {
                            span.setStatus(StatusCode.ERROR);
                        }
                        span.end();
                    }
                })
                // The provider answers on its own event loop; the database session belongs to this delivery's context.
                .emitOn(task -> own.runOnContext(ignored -> task.run()))
                .chain(outcome -> outcome instanceof Outcome.Unsent unsent
                        ? recorder.record(notification, unsent).replaceWith(false)
                        : Uni.createFrom().item(true));
    }

    /** No failure is swallowed: each is logged and counted. */
    private void failed(String what, Throwable failure) {
        metrics.counter("courses.notifications.dispatch.errors").increment();
        LOG.warnf("%s failed: %s", what, ErrorText.of(failure));
    }

    private Context newSafeContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }
}
