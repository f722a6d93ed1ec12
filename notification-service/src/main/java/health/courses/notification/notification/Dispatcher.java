package health.courses.notification.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import health.courses.notification.contact.Contact;
import health.courses.notification.contact.ContactService;
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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends notifications when they fall due. Durable: the plan is in PostgreSQL, so nothing due is lost across
 * restarts. Safe with replicas: a notification is claimed ({@code FOR UPDATE SKIP LOCKED}, then marked
 * {@code sending}) in a short transaction of its own before the channel is called, and no transaction is held
 * open while a provider is being talked to.
 */
// Created at startup so a configuration that breaks the lease rule stops the service at once.
@Startup
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationRepository notifications;
    private final Claims claims;
    private final ContactService contacts;
    private final SessionStateRepository sessions;
    private final Map<String, Channel> channels;
    private final Map<String, SendCheck> sendChecks;
    private final DispatchConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final NotificationMetrics outcomes;
    private final SendTrace traces;
    private final Vertx vertx;
    /** How long after a claim a send may still start and finish, with its result recorded, inside the lease. */
    private final Duration sendingWindow;
    /** One dispatch run per instance at a time; a wake-up during a run asks for one more run after it. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private volatile boolean stopping;

    Dispatcher(NotificationRepository notifications, Claims claims, ContactService contacts, SessionStateRepository sessions,
            @All List<Channel> channels, @All List<SendCheck> sendChecks,
            DispatchConfig config, MeterRegistry metrics, NotificationMetrics outcomes, SendTrace traces, Vertx vertx) {
        this.notifications = notifications;
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
        this.outcomes = outcomes;
        this.traces = traces;
        this.vertx = vertx;
        this.sendingWindow = config.lease().minus(config.sendTimeout().multipliedBy(2));
        if (sendingWindow.isNegative() || sendingWindow.isZero()) {
            throw new IllegalStateException("courses.notification.dispatch.lease must exceed twice the send-timeout");
        }
    }

    @Scheduled(identity = "notification-dispatch", every = "${courses.notification.dispatch.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return dispatchDue();
    }

    /** A consumer transaction committed and may have planned something due now: do not wait for the next poll. */
    void onEventApplied(@Observes CourseEventApplied applied) {
        wake();
    }

    /** Something was planned outside the consumer (e.g. a check-in answer's urgent advice) and may be due now. */
    public void dueNow() {
        wake();
    }

    private void wake() {
        // A context of its own, marked safe for Hibernate Reactive, rather than the consumer's.
        Context context = newSafeContext();
        context.runOnContext(ignored -> dispatchDue().subscribe().with(done -> {
        }, failure -> {
        }));
    }

    /** Claims made now could not be finished; they would only wait out their lease. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    Uni<Void> dispatchDue() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return Uni.createFrom().voidItem();
        }
        Executor home = homeContext();
        return Multi.createBy().repeating().uni(() -> dispatchBatch(home))
                .whilst(claimed -> claimed == config.batchSize() && !stopping)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Dispatching due notifications failed: %s", ErrorText.of(failure)))
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> {
                    running.set(false);
                    if (wokenWhileRunning.getAndSet(false)) {
                        wake();
                    }
                });
    }

    /**
     * One claim, one read of the claimed reminders' sessions, the deliveries side by side, and one statement marking
     * the sent ones: a handful of round trips per batch instead of four per notification. Marking at the end of the
     * batch stays inside the lease: every send starts within {@link #sendingWindow} and ends within the send timeout,
     * which together leave at least one send timeout of the lease.
     */
    private Uni<Integer> dispatchBatch(Executor home) {
        return claims.claimDue(config.batchSize(), config.lease())
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // The lease started in the database before the claim returned, so measuring from here with the
                    // monotonic clock can only underestimate how much of it is left.
                    long startSendingBy = System.nanoTime() + sendingWindow.toNanos();
                    return sessionsOf(claimed)
                            .chain(sessionStates -> Multi.createFrom().iterable(claimed)
                                    .onItem().transformToUni(notification -> onOwnContext(
                                            () -> deliver(notification, sessionStates, startSendingBy)))
                                    .merge(config.concurrency())
                                    .collect().asList())
                            .emitOn(home)
                            .chain(this::recordSent)
                            .replaceWith(claimed.size());
                });
    }

    /** The sessions of the batch's reminders, read once for the batch. */
    private Uni<Map<UUID, SessionState>> sessionsOf(List<Notification> claimed) {
        List<UUID> ids = claimed.stream()
                .filter(notification -> notification.sessionVersion() != null && !sendChecks.containsKey(notification.kind()))
                .map(Notification::sessionId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> sessions.list("sessionId in ?1", ids))
                .map(found -> found.stream().collect(Collectors.toMap(SessionState::sessionId, Function.identity())));
    }

    /** The batch's sent notifications, marked in one statement; the other outcomes were recorded one by one. */
    private Uni<Void> recordSent(List<Notification> delivered) {
        List<Notification> sent = delivered.stream().filter(Objects::nonNull).toList();
        return claims.markSent(sent).invoke(marked -> {
            OffsetDateTime now = OffsetDateTime.now();
            for (Notification notification : sent) {
                metrics.counter("courses.notifications.deliveries", "kind", notification.kind(),
                        "channel", notification.channel(), "outcome", "sent").increment();
                if (marked.contains(notification.id())) {
                    outcomes.sent(notification, now);
                    LOG.debugf("Notification %s (%s) sent; trace %s", notification.id(), notification.kind(),
                            notification.traceparent() == null ? "none" : notification.traceparent().split("-")[1]);
                } else {
                    LOG.warnf("Notification %s was taken over by another dispatcher before its sent was recorded",
                            notification.id());
                }
            }
        }).replaceWithVoid();
    }

    /** Delivers one notification; the notification when it was sent (for the batch's mark), null otherwise. */
    private Uni<Notification> deliver(Notification notification, Map<UUID, SessionState> sessionStates,
            long startSendingBy) {
        if (notification.attempts() > config.maxAttempts()) {
            // Reclaimed after its dispatcher died mid-attempt, with no attempt left to spend.
            return record(notification, new Outcome.Failed("attempts-exhausted", notification.lastError()));
        }
        if (System.nanoTime() - startSendingBy > 0) {
            // Too little of the lease left to finish a send: another dispatcher could take the row over meanwhile.
            return record(notification, new Outcome.Released());
        }
        Channel channel = channels.get(notification.channel());
        if (channel == null) {
            return record(notification, new Outcome.Failed("unknown-channel", null));
        }
        Executor home = homeContext();
        return stillWanted(notification, sessionStates).chain(wanted -> {
            if (!wanted) {
                return record(notification, new Outcome.Withdrawn("stale"));
            }
            return contacts.contactFor(notification.clinicId(), notification.patientId()).chain(contact -> {
                if (contact.isEmpty()) {
                    return record(notification, new Outcome.Skipped("no-contact"));
                }
                if (!contact.get().accepts(notification.kind(), notification.channel())) {
                    return record(notification, new Outcome.Skipped("opted-out"));
                }
                if (!channel.canReach(contact.get())) {
                    return record(notification, new Outcome.Skipped("no-address"));
                }
                return send(channel, notification, contact.get(), home);
            });
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

    private Uni<Notification> send(Channel channel, Notification notification, Contact contact, Executor home) {
        Delivery delivery = new Delivery(notification.id(), notification.clinicId(), notification.patientId(),
                notification.courseId(), notification.kind(), notification.idempotencyKey(), notification.attempts(),
                contact, notification.payload());
        Span span = traces.start(notification);
        return Uni.createFrom().deferred(() -> channel.send(delivery))
                .ifNoItem().after(config.sendTimeout()).fail()
                .<Outcome> map(sent -> new Outcome.Sent())
                .onFailure().recoverWithItem(failure -> afterFailure(notification, failure))
                .invoke(outcome -> {
                    if (span != null) {
                        span.setAttribute("notification.outcome", outcome.name());
                        if (!(outcome instanceof Outcome.Sent)) {
                            span.setStatus(StatusCode.ERROR);
                        }
                        span.end();
                    }
                })
                // The provider answers on its own event loop; the database session belongs to ours.
                .emitOn(home)
                .chain(outcome -> outcome instanceof Outcome.Unsent unsent ? record(notification, unsent)
                        : Uni.createFrom().item(notification));
    }

    private Outcome afterFailure(Notification notification, Throwable failure) {
        String error = ErrorText.of(failure);
        if (failure instanceof PermanentFailure) {
            return new Outcome.Failed("rejected", error);
        }
        if (notification.attempts() >= config.maxAttempts()) {
            return new Outcome.Failed("attempts-exhausted", error);
        }
        return new Outcome.Retry(backoff.delayAfter(notification.attempts(), ThreadLocalRandom.current()), error);
    }

    /** Writes down an outcome other than sent, at once; null: nothing for the batch's mark of sent ones. */
    private Uni<Notification> record(Notification notification, Outcome.Unsent outcome) {
        return Panache.withTransaction(() -> outcome.record(notifications, notification))
                .invoke(recorded -> {
                    metrics.counter("courses.notifications.deliveries", "kind", notification.kind(),
                            "channel", notification.channel(), "outcome", outcome.name()).increment();
                    if (recorded) {
                        count(notification, outcome);
                    }
                    if (!recorded) {
                        LOG.warnf("Notification %s was taken over by another dispatcher before its %s was recorded",
                                notification.id(), outcome.name());
                    } else {
                        LOG.infof("Notification %s (%s) attempt %d: %s", notification.id(), notification.kind(),
                                notification.attempts(), outcome);
                    }
                })
                .replaceWith((Notification) null);
    }

    private void count(Notification notification, Outcome.Unsent outcome) {
        if (outcome instanceof Outcome.Failed) {
            outcomes.failed(notification);
        } else if (outcome instanceof Outcome.Withdrawn) {
            outcomes.withdrawn(notification.kind(), notification.channel(), 1);
        }
    }

    /**
     * Runs one delivery on a context of its own: Hibernate Reactive keeps one session per context, and the
     * deliveries of a batch run side by side.
     */
    private Uni<Notification> onOwnContext(Supplier<Uni<Notification>> delivery) {
        return Uni.createFrom().emitter(emitter -> newSafeContext()
                .runOnContext(ignored -> delivery.get().subscribe().with(emitter::complete, emitter::fail)));
    }

    private Context newSafeContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private static Executor homeContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** What an attempt came to. A sent one is marked with its batch (Claims.markSent), the others one by one. */
    sealed interface Outcome {

        String name();

        /** An outcome other than sent, and the guarded statement that writes it down at once. */
        sealed interface Unsent extends Outcome {
            Uni<Boolean> record(NotificationRepository notifications, Notification notification);
        }

        record Sent() implements Outcome {
            public String name() {
                return "sent";
            }
        }

        record Retry(Duration delay, String error) implements Unsent {
            public String name() {
                return "retry";
            }

            public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
                return notifications.markRetry(notification.id(), notification.attempts(), delay, error);
            }
        }

        record Failed(String reason, String error) implements Unsent {
            public String name() {
                return "failed";
            }

            public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
                return notifications.markFailed(notification.id(), notification.attempts(), reason, error);
            }
        }

        /** Handed back unsent, without spending an attempt. */
        record Released() implements Unsent {
            public String name() {
                return "released";
            }

            public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
                return notifications.release(notification.id(), notification.attempts());
            }
        }

        /** The session changed since the reminder was planned: it must not go out. */
        record Withdrawn(String reason) implements Unsent {
            public String name() {
                return "withdrawn";
            }

            public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
                return notifications.markWithdrawn(notification.id(), notification.attempts(), reason);
            }
        }

        record Skipped(String reason) implements Unsent {
            public String name() {
                return "skipped";
            }

            public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
                return notifications.markSkipped(notification.id(), notification.attempts(), reason);
            }
        }
    }
}
