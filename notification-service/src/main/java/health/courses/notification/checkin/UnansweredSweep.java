package health.courses.notification.checkin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.audit.AuditLog;
import health.courses.notification.notification.ErrorText;
import health.courses.notification.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A check-in still open once its follow-up had {@code courses.checkin.unanswered-after} to work is recorded
 * {@code unanswered}, and {@code checkin.unanswered.v1} is written to the outbox in the same transaction. The link
 * keeps working until it expires: a late answer is still taken and published.
 */
@ApplicationScoped
public class UnansweredSweep {

    private static final Logger LOG = Logger.getLogger(UnansweredSweep.class);
    private static final int BATCH = 50;

    private final CheckInRepository checkIns;
    private final Outbox outbox;
    private final CheckInConfig config;
    private final MeterRegistry metrics;

    private final AuditLog audit;

    private final Clock clock;

    UnansweredSweep(CheckInRepository checkIns, Outbox outbox, CheckInConfig config, MeterRegistry metrics,
            AuditLog audit, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(identity = "check-in-unanswered", every = "${courses.checkin.sweep-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> checkIns.closeUnanswered(BATCH).chain(this::publish))
                .invoke(closed -> {
                    if (!closed.isEmpty()) {
                        metrics.counter("courses.checkins.unanswered").increment(closed.size());
                        LOG.infof("%d check-ins recorded unanswered", closed.size());
                        outbox.committed();
                    }
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Recording unanswered check-ins failed: %s",
                        ErrorText.of(failure)))
                .onFailure().recoverWithNull();
    }

    private Uni<List<UUID>> publish(List<UUID> closed) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Multi.createFrom().iterable(closed)
                .onItem().transformToUniAndConcatenate(id -> checkIns.findById(id).chain(checkIn -> outbox.append(
                        checkIn.courseId(), CheckInEvent.UNANSWERED, checkIn.id(), now,
                        CheckInEvent.of(checkIn, Severity.NONE.code(), config.rules().version(), now.toInstant()))
                        // A change nobody asked for in a request: the system did it, named as such (team contract).
                        .chain(() -> audit.recordAs(checkIn.clinicId(), "system:check-in-unanswered", "system",
                                "check-in.unanswered", "check-in", checkIn.id().toString()))))
                .collect().asList()
                .replaceWith(closed);
    }
}
