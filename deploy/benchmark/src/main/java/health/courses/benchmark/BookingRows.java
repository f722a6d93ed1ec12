package health.courses.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three rows from one clinic's bookings: the maximum bookings/s against the same transaction replayed over JDBC, the
 * booking latency at half that rate (open model), and how long after each of those bookings notification-service had
 * planned the course's reminders.
 */
final class BookingRows {

    private static final Logger LOG = LoggerFactory.getLogger(BookingRows.class);

    private final Stack stack;
    private final Settings settings;
    private final Report report;

    BookingRows(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        Clinic clinic = Clinic.setUp(stack);
        Db db = stack.db("scheduling");
        // generous: a phase never runs out; unused fixtures cost a few ms of SQL each
        clinic.addFixtures(settings.smoke() ? 500 : 40_000);

        Duration warmUp = settings.warmUp();
        LOG.info("bookings: warming up the service for {} s", warmUp.toSeconds());
        List<UUID> warm = java.util.Collections.synchronizedList(new ArrayList<>());
        OpenLoad.saturate(settings.bookingClients(), warmUp, sequence -> warm.add(clinic.book(clinic.take())));
        BookingReplay replay = BookingReplay.of(db, warm.get(0));

        LOG.info("bookings: service at full speed, {} clients, {} s", settings.bookingClients(), settings.maxRatePhase().toSeconds());
        OpenLoad.Result service = OpenLoad.saturate(settings.bookingClients(), settings.maxRatePhase(),
                sequence -> clinic.book(clinic.take()));
        awaitOutboxPublished(db);
        OpenLoad.Result alone = schedulingAlone(clinic);

        LOG.info("bookings: JDBC replay of the same transaction, {} clients", settings.bookingClients());
        ConcurrentLinkedQueue<Connection> connections = new ConcurrentLinkedQueue<>();
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
            Connection opened = db.connect();
            try {
                opened.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            connections.add(opened);
            return opened;
        });
        OpenLoad.saturate(settings.bookingClients(), warmUp, sequence -> replay.replay(connection.get(), clinic.take()));
        OpenLoad.Result baseline = OpenLoad.saturate(settings.bookingClients(), settings.maxRatePhase(),
                sequence -> replay.replay(connection.get(), clinic.take()));
        for (Connection opened : connections) {
            opened.close();
        }

        double serviceRate = service.achievedRate();
        double baselineRate = baseline.achievedRate();
        double ratio = serviceRate / baselineRate;
        Map<String, Object> numbers = numbers(service, baseline);
        numbers.put("aloneRate", alone.achievedRate());
        numbers.put("aloneBookings", alone.issued() - alone.failed());
        numbers.put("aloneFailed", alone.failed());
        numbers.put("aloneP99Ms", alone.p(99));
        report.add(new Row("course bookings/s (%d sessions, %d events each); with notification-service stopped"
                        .formatted(replay.sessions(), replay.events()),
                Row.perSecond(serviceRate) + "; " + Row.perSecond(alone.achievedRate()) + " alone",
                Row.perSecond(baselineRate) + " (JDBC replay)", ratio, "≥ 0.5 of the baseline",
                ratio >= 0.5, failures(service) + failures(alone) + failures(baseline)
                        + ("%d concurrent clients, %d s each; the second figure is scheduling-service alone (notification-service"
                                + " stopped, so not consuming the events on the same cores); the ratio is the first's")
                        .formatted(settings.bookingClients(), settings.maxRatePhase().toSeconds()),
                numbers));

        // the max-rate phase left thousands of events behind; the latency phase must not queue behind them
        awaitOutboxPublished(db);
        awaitConsumed(stack.db("notification"));
        double halfRate = Math.max(1, serviceRate / 2);
        LOG.info("bookings: open model at {} bookings/s for {} s", String.format("%.1f", halfRate),
                settings.latencyPhase().toSeconds());
        Map<UUID, Instant> answered = new ConcurrentHashMap<>();
        OpenLoad.Result latency = OpenLoad.run(halfRate, settings.latencyPhase(), 64, sequence -> {
            UUID course = clinic.book(clinic.take());
            answered.put(course, Instant.now());
        });
        report.add(new Row("booking latency p50 / p99 at half the max rate (%.1f/s)".formatted(halfRate),
                Row.ms(latency.p(50)) + " / " + Row.ms(latency.p(99)), "–", null, "p99 < 50 ms", latency.p(99) < 50,
                failures(latency) + "open model, latency from the intended start; max " + Row.ms(latency.p(100)),
                Map.of("p50Ms", latency.p(50), "p99Ms", latency.p(99), "maxMs", latency.p(100),
                        "rate", halfRate, "issued", latency.issued(), "failed", latency.failed())));

        remindersPlanned(answered);
    }

    /**
     * What scheduling-service sustains on its own: the same max-rate phase with notification-service stopped, so the
     * two cores are not shared with the consumer planning the events. notification-service is started again and has
     * caught up with the phase's events before this returns, so the JDBC baseline does not share the cores with it.
     */
    private OpenLoad.Result schedulingAlone(Clinic clinic) {
        LOG.info("bookings: scheduling-service alone (notification-service stopped), {} clients, {} s",
                settings.bookingClients(), settings.maxRatePhase().toSeconds());
        stack.stopNotification();
        OpenLoad.Result alone;
        try {
            alone = OpenLoad.saturate(settings.bookingClients(), settings.maxRatePhase(),
                    sequence -> clinic.book(clinic.take()));
            awaitOutboxPublished(stack.db("scheduling"));
        } finally {
            stack.startNotification();
        }
        awaitConsumed(stack.db("notification"));
        return alone;
    }

    /** From each booking's 201 to the last reminder notification-service planned for that course. */
    private void remindersPlanned(Map<UUID, Instant> answered) {
        Db notifications = stack.db("notification");
        UUID[] courses = answered.keySet().toArray(UUID[]::new);
        String perCourse = """
                select course_id, count(*) as planned, max(planned_at) as last from notification
                 where course_id = any(?) group by course_id""";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Map<String, Object>> rows = notifications.query(perCourse, (Object) courses);
        long total = -1;
        // complete when every course has reminders and the count stopped growing
        while (System.nanoTime() < deadline) {
            long now = rows.stream().mapToLong(row -> ((Number) row.get("planned")).longValue()).sum();
            if (rows.size() == courses.length && now == total) {
                break;
            }
            total = now;
            pause(settings.smoke() ? Duration.ofMillis(250) : Duration.ofSeconds(1));
            rows = notifications.query(perCourse, (Object) courses);
        }
        Histogram histogram = new Histogram(3);
        for (Map<String, Object> row : rows) {
            Instant last = ((java.sql.Timestamp) row.get("last")).toInstant();
            Instant booked = answered.get((UUID) row.get("course_id"));
            histogram.recordValue(Math.max(0, Duration.between(booked, last).toNanos()));
        }
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        long missing = courses.length - rows.size();
        report.add(new Row("booking → reminders planned in notification-service, p99", Row.ms(p99), "–", null,
                "< 250 ms", missing == 0 && p99 < 250,
                "%d courses, p50 %s, max %s; to the planned_at of the course's last reminder%s".formatted(courses.length,
                        Row.ms(histogram.getValueAtPercentile(50) / 1e6), Row.ms(histogram.getMaxValue() / 1e6),
                        missing == 0 ? "" : "; **%d courses without reminders after 60 s**".formatted(missing)),
                Map.of("p50Ms", histogram.getValueAtPercentile(50) / 1e6, "p99Ms", p99, "courses", courses.length,
                        "missing", missing)));
    }

    /** The next phase must not pay for the relay's backlog of this one. */
    static void awaitOutboxPublished(Db db) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (db.number("select count(*) from outbox_event where status = 'pending'") > 0 && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(200));
        }
    }

    /** notification-service has caught up when its inbox stops growing. */
    private void awaitConsumed(Db notifications) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long last = -1;
        long now = notifications.number("select count(*) from inbox");
        while (now != last && System.nanoTime() < deadline) {
            pause(settings.smoke() ? Duration.ofMillis(300) : Duration.ofSeconds(2));
            last = now;
            now = notifications.number("select count(*) from inbox");
        }
    }

    private static String failures(OpenLoad.Result result) {
        return result.failed() == 0 ? "" : "**%d of %d failed** (first: %s); ".formatted(result.failed(), result.issued(),
                result.firstFailure());
    }

    private static Map<String, Object> numbers(OpenLoad.Result service, OpenLoad.Result baseline) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("serviceRate", service.achievedRate());
        numbers.put("serviceBookings", service.issued() - service.failed());
        numbers.put("serviceFailed", service.failed());
        numbers.put("serviceP50Ms", service.p(50));
        numbers.put("serviceP99Ms", service.p(99));
        numbers.put("baselineRate", baseline.achievedRate());
        numbers.put("baselineTransactions", baseline.issued() - baseline.failed());
        numbers.put("baselineFailed", baseline.failed());
        numbers.put("baselineP50Ms", baseline.p(50));
        numbers.put("baselineP99Ms", baseline.p(99));
        return numbers;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
