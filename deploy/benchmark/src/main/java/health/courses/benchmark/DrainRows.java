package health.courses.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminder dispatch. The rows are copies of a reminder notification-service planned earlier in this run (same kind,
 * channel, payload and session), inserted straight into its table for a patient with an e-mail address, so every
 * copy is really composed and sent (to {@link SmtpSink}). Drain: N copies due at one instant, sent by the service,
 * against a raw loop of the same claim and mark statements ({@code FOR UPDATE SKIP LOCKED}, batches of the service's size)
 * whose send does nothing, run while the service is stopped. Lateness: copies falling due at a steady rate, each
 * inserted two seconds before it is due, found by the dispatcher's poll as a reminder planned a day ahead is.
 */
final class DrainRows {

    private static final Logger LOG = LoggerFactory.getLogger(DrainRows.class);
    /** The service's courses.notification.dispatch.batch-size and lease, so the baseline claims alike. */
    private static final int BATCH = 20;
    /** notification-service's Claims.CLAIM: the claimed rows come back whole, what a send needs. */
    private static final String CLAIM = """
            with due as (
                select id from notification
                 where status in ('planned', 'sending') and next_attempt_at <= now()
                 order by next_attempt_at
                 limit ?
                   for update skip locked)
            update notification n
               set status = 'sending', attempts = n.attempts + 1, claimed_at = now(),
                   next_attempt_at = now() + make_interval(secs => 120)
              from due
             where n.id = due.id
            returning n.id, n.clinic_id, n.patient_id, n.course_id, n.session_id, n.session_version, n.kind, n.channel,
                      n.due_at, n.next_attempt_at, n.attempts, n.last_error, n.idempotency_key,
                      cast(n.payload as text) as payload, n.planned_at, n.claimed_at, n.traceparent""";
    /** notification-service's Claims.MARK_SENT: the batch's sent ones in one statement, each at its claimed attempt. */
    private static final String MARK_SENT = """
            update notification n set status = 'sent', sent_at = now(), last_error = null
              from unnest(?::uuid[], ?::int[]) as sent (id, attempt)
             where n.id = sent.id and n.status = 'sending' and n.attempts = sent.attempt
            returning n.id""";

    private final Stack stack;
    private final Settings settings;
    private final Report report;
    private final Db db;
    private Template template;
    private Duration baseline;
    private long baselineSent;

    private record Template(UUID id, UUID clinic) {
    }

    DrainRows(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
        this.db = stack.db("notification");
    }

    /**
     * The baseline, run while notification-service is stopped (the consumption row's backlog window, so the run
     * stops the service once): N copies for a patient of their own, drained by the raw claim loop.
     */
    void measureBaseline() throws SQLException {
        template = template();
        int count = settings.reminders();
        LOG.info("drain: raw SKIP LOCKED claim loop over {} reminders, service stopped", count);
        UUID baselinePatient = UUID.randomUUID();
        copies(template.id(), baselinePatient, count, "now() - interval '1 second'");
        baseline = rawDrain();
        baselineSent = sent(baselinePatient);
    }

    /** A reminder the service planned for one of this run's bookings. */
    private Template template() {
        List<Map<String, Object>> templates = db.query("""
                select id, clinic_id from notification
                 where status = 'planned' and session_id is not null and channel = 'email' limit 1""");
        if (templates.isEmpty()) {
            throw new IllegalStateException("no planned e-mail reminder to copy: the booking rows planned none");
        }
        return new Template((UUID) templates.get(0).get("id"), (UUID) templates.get(0).get("clinic_id"));
    }

    void run() throws Exception {
        if (baseline == null) {
            throw new IllegalStateException("the raw claim loop baseline was not measured");
        }
        int count = settings.reminders();
        UUID clinic = template.clinic();
        Api api = new Api(stack.notification().baseUrl(), stack.token(clinic.toString(), "booking", "clinician"));
        UUID patient = contactFor(api);
        LOG.info("drain: {} reminders due at once, sent by notification-service", count);
        long mailsBefore = stack.mail().accepted();
        Instant committed = copies(template.id(), patient, count, "now() - interval '1 second'");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (open(patient) > 0 && System.nanoTime() < deadline) {
            BookingRows.pause(Duration.ofMillis(500));
        }
        Map<String, Object> outcome = db.query("""
                select count(*) filter (where status = 'sent') as sent, count(*) filter (where status <> 'sent') as other,
                       max(sent_at) as last from notification where patient_id = ?""", patient).get(0);
        long sent = ((Number) outcome.get("sent")).longValue();
        long other = ((Number) outcome.get("other")).longValue();
        Duration drained = Duration.between(committed, ((java.sql.Timestamp) outcome.get("last")).toInstant());
        double rate = sent / Math.max(0.001, drained.toNanos() / 1e9);
        double baselineRate = baselineSent / Math.max(0.001, baseline.toNanos() / 1e9);
        double ratio = rate / baselineRate;
        report.add(new Row("%,d reminders due at once: drain rate".formatted(count), Row.perSecond(rate),
                Row.perSecond(baselineRate) + " (raw SKIP LOCKED claim loop, no-op send)", ratio,
                "≥ 0.5 of the baseline", sent == count && ratio >= 0.5,
                "service %,d sent in %d ms (%,d mails reached the SMTP sink), %d not sent; baseline %,d in %d ms, one loop of the service's claim and batch mark statements, batches of %d"
                        .formatted(sent, drained.toMillis(), stack.mail().accepted() - mailsBefore, other, baselineSent,
                                baseline.toMillis(), BATCH),
                Map.of("reminders", count, "serviceSent", sent, "serviceNotSent", other, "serviceMs", drained.toMillis(),
                        "serviceRate", rate, "baselineSent", baselineSent, "baselineMs", baseline.toMillis(),
                        "baselineRate", baselineRate)));

        lateness(template.id(), api, settings.latenessRate(), "< 1 s");
        // issue 15: also at ten times the rate, reported without a goal
        lateness(template.id(), api, settings.latenessHighRate(), null);
    }

    private void lateness(UUID template, Api api, int rate, String goal) throws Exception {
        UUID patient = contactFor(api);
        int perTick = Math.max(1, rate / 10);
        long ticks = settings.latenessPhase().toMillis() / 100;
        LOG.info("lateness: {} reminders/s falling due for {} s", perTick * 10, settings.latenessPhase().toSeconds());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(OpenLoad.daemon("lateness"));
        List<Exception> failures = new ArrayList<>();
        for (long tick = 0; tick < ticks; tick++) {
            ticker.schedule(() -> {
                try {
                    copies(template, patient, perTick, "now() + interval '2 seconds'");
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, tick * 100, TimeUnit.MILLISECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(settings.latenessPhase().toSeconds() + 60, TimeUnit.SECONDS);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (open(patient) > 0 && System.nanoTime() < deadline) {
            BookingRows.pause(Duration.ofMillis(500));
        }
        Histogram histogram = new Histogram(3);
        long notSent = 0;
        for (Map<String, Object> row : db.query("""
                select status, extract(epoch from sent_at - due_at) * 1000000 as late_us from notification
                 where patient_id = ?""", patient)) {
            if (!"sent".equals(row.get("status"))) {
                notSent++;
                continue;
            }
            histogram.recordValue(Math.max(0, ((Number) row.get("late_us")).longValue()) * 1000);
        }
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        report.add(new Row("reminder send lateness p99 at %d reminders/s".formatted(perTick * 10), Row.ms(p99), "–", null,
                goal == null ? "reported" : goal, goal == null ? null : notSent == 0 && p99 < 1000,
                "%,d reminders over %d s, p50 %s, max %s, %d not sent; due_at to sent_at (the service's poll interval is 1 s)"
                        .formatted(histogram.getTotalCount() + notSent, settings.latenessPhase().toSeconds(),
                                Row.ms(histogram.getValueAtPercentile(50) / 1e6), Row.ms(histogram.getMaxValue() / 1e6),
                                notSent),
                Map.of("p50Ms", histogram.getValueAtPercentile(50) / 1e6, "p99Ms", p99,
                        "maxMs", histogram.getMaxValue() / 1e6, "reminders", histogram.getTotalCount() + notSent,
                        "notSent", notSent)));
    }

    /** A patient of the template's clinic with an e-mail address and no opt-outs, through the API. */
    private static UUID contactFor(Api api) throws Exception {
        UUID patient = UUID.randomUUID();
        api.put("/api/v1/patients/" + patient + "/contact", "{\"email\":\"bench-" + patient + "@example.org\"}");
        return patient;
    }

    private long open(UUID patient) {
        return db.number("select count(*) from notification where patient_id = ? and status in ('planned', 'sending')",
                patient);
    }

    private long sent(UUID patient) {
        return db.number("select count(*) from notification where patient_id = ? and status = 'sent'", patient);
    }

    /** Copies of the template for the patient, all due at {@code due} (an SQL expression), in one transaction. */
    private Instant copies(UUID template, UUID patient, int count, String due) {
        db.update("""
                insert into notification (id, clinic_id, patient_id, course_id, session_id, kind, channel, due_at, status,
                                          next_attempt_at, attempts, idempotency_key, payload, session_version)
                select gen_random_uuid(), t.clinic_id, ?, t.course_id, t.session_id, t.kind, t.channel, %s, 'planned',
                       %s, 0, 'benchmark-' || gen_random_uuid(), t.payload, t.session_version
                  from notification t, generate_series(1, ?) where t.id = ?""".formatted(due, due),
                patient, count, template);
        return Instant.now();
    }

    /** The service's claim loop with a no-op send: claim a batch, mark it sent in one statement, until nothing is due. */
    private Duration rawDrain() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = db.connect();
                PreparedStatement claim = connection.prepareStatement(CLAIM);
                PreparedStatement markSent = connection.prepareStatement(MARK_SENT)) {
            while (true) {
                claim.setInt(1, BATCH);
                List<UUID> ids = new ArrayList<>();
                List<Integer> attempts = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add((UUID) rows.getObject("id"));
                        attempts.add(rows.getInt("attempts"));
                        rows.getString("payload"); // read what a send would
                    }
                }
                if (ids.isEmpty()) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
                markSent.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                markSent.setArray(2, connection.createArrayOf("int4", attempts.toArray()));
                markSent.execute();
            }
        }
    }
}
