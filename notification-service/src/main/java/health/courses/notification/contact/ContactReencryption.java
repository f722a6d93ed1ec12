package health.courses.notification.contact;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Brings every contact row under the current key: rows still in clear (written before V20) are encrypted, rows under
 * an older key are re-encrypted, batch by batch, each batch one transaction that locks only its own rows (SKIP
 * LOCKED, so several replicas share the work and a PUT at the same moment simply wins). It runs shortly after every
 * start, which makes rotation: add the new key, make it current, restart. Afterwards it publishes how many rows
 * each key holds ({@code courses_contacts_encrypted{key_id}}, {@code courses_contacts_plaintext}) and logs the same,
 * so an old key is removed only when it holds 0 rows. A row under a key that is not configured is left alone and
 * counted as unreadable.
 */
@ApplicationScoped
public class ContactReencryption {

    private static final Logger LOG = Logger.getLogger(ContactReencryption.class);
    private static final UUID FIRST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

    private final Pool pool;
    private final ContactCipher cipher;
    private final ContactEncryptionConfig config;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> rowsByKey = new ConcurrentHashMap<>();
    private final AtomicLong plaintextRows = new AtomicLong(-1);

    ContactReencryption(Pool pool, ContactCipher cipher, ContactEncryptionConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.cipher = cipher;
        this.config = config;
        this.metrics = metrics;
        Gauge.builder("courses.contacts.plaintext", plaintextRows, AtomicLong::get)
                .description("Contact rows still in clear; -1 until the first re-encryption run").register(metrics);
        config.keys().keySet().forEach(this::rowsUnder);
    }

    /** What one run did. */
    public record Run(int encrypted, int reencrypted, int unreadable, Map<String, Long> rowsByKey, long plaintext) {
    }

    @Scheduled(every = "${courses.contact-encryption.reencrypt-every:1h}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Contact re-encryption failed, retried on the next run: %s", failure.getClass().getName());
                    return Uni.createFrom().voidItem();
                });
    }

    /** One pass over every row that is in clear or under another key than the current one. */
    public Uni<Run> run() {
        String current = cipher.currentKeyId();
        return batches(current, FIRST, FIRST, new int[3])
                .chain(counts -> census().map(census -> {
                    Run run = new Run(counts[0], counts[1], counts[2], census.byKey(), census.plaintext());
                    LOG.infof("Contact encryption: %d encrypted, %d re-encrypted to key %s, %d unreadable; rows by key %s,"
                            + " %d in clear. A key that holds 0 rows can be removed.", run.encrypted(), run.reencrypted(),
                            current, run.unreadable(), run.rowsByKey(), run.plaintext());
                    return run;
                }));
    }

    /** Keyset by (clinic, patient): each batch continues after the last row of the one before. */
    private Uni<int[]> batches(String current, UUID clinic, UUID patient, int[] counts) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                select clinic_id, patient_id, email, phone, email_ciphertext, phone_ciphertext, key_id
                  from patient_contact
                 where (key_id is null or key_id <> $1) and (clinic_id, patient_id) > ($2, $3)
                 order by clinic_id, patient_id
                 limit $4
                   for update skip locked""")
                .execute(Tuple.of(current, clinic, patient, config.reencryptBatchSize()))
                .chain(rows -> rewrite(connection, current, rows, counts).replaceWith(rows)))
                .chain(rows -> {
                    if (rows.size() < config.reencryptBatchSize()) {
                        return Uni.createFrom().item(counts);
                    }
                    Row last = null;
                    for (Row row : rows) {
                        last = row;
                    }
                    return batches(current, last.getUUID("clinic_id"), last.getUUID("patient_id"), counts);
                });
    }

    private Uni<Void> rewrite(SqlConnection connection, String current, RowSet<Row> rows, int[] counts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Row row : rows) {
            UUID clinicId = row.getUUID("clinic_id");
            UUID patientId = row.getUUID("patient_id");
            String keyId = row.getString("key_id");
            String email;
            String phone;
            try {
                if (keyId == null) {
                    email = row.getString("email");
                    phone = row.getString("phone");
                } else {
                    email = cipher.decrypt(keyId, ContactCipher.Field.EMAIL, clinicId, patientId,
                            bytes(row, "email_ciphertext")).orElse(null);
                    phone = cipher.decrypt(keyId, ContactCipher.Field.PHONE, clinicId, patientId,
                            bytes(row, "phone_ciphertext")).orElse(null);
                }
            } catch (ContactCipher.Unreadable unreadable) {
                LOG.errorf("Contact of patient %s in clinic %s stays under key %s: %s", patientId, clinicId, keyId,
                        unreadable.getMessage());
                counts[2]++;
                continue;
            }
            if (email == null) {
                counts[2]++;
                continue;
            }
            counts[keyId == null ? 0 : 1]++;
            byte[] emailCiphertext = cipher.encrypt(current, ContactCipher.Field.EMAIL, clinicId, patientId, email);
            byte[] phoneCiphertext = cipher.encrypt(current, ContactCipher.Field.PHONE, clinicId, patientId, phone);
            // The version stays: the contact's content did not change, so a client's If-Match still holds.
            chain = chain.chain(() -> connection.preparedQuery("""
                    update patient_contact
                       set email = null, phone = null, email_ciphertext = $3, phone_ciphertext = $4, key_id = $5
                     where clinic_id = $1 and patient_id = $2""")
                    .execute(Tuple.tuple().addUUID(clinicId).addUUID(patientId).addBuffer(Buffer.buffer(emailCiphertext))
                            .addValue(phoneCiphertext == null ? null : Buffer.buffer(phoneCiphertext).getDelegate())
                            .addString(current))
                    .replaceWithVoid());
        }
        return chain;
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private Uni<Census> census() {
        return pool.query("""
                select key_id, count(*) as rows, count(*) filter (where email is not null or phone is not null) as clear
                  from patient_contact group by key_id""")
                .execute()
                .map(rows -> {
                    Map<String, Long> byKey = new TreeMap<>();
                    config.keys().keySet().forEach(key -> byKey.put(key, 0L));
                    long clear = 0;
                    for (Row row : rows) {
                        clear += row.getLong("clear");
                        if (row.getString("key_id") != null) {
                            byKey.put(row.getString("key_id"), row.getLong("rows"));
                        }
                    }
                    byKey.forEach((key, count) -> rowsUnder(key).set(count));
                    plaintextRows.set(clear);
                    return new Census(byKey, clear);
                });
    }

    private AtomicLong rowsUnder(String keyId) {
        return rowsByKey.computeIfAbsent(keyId, key -> {
            AtomicLong count = new AtomicLong(-1);
            Gauge.builder("courses.contacts.encrypted", count, AtomicLong::get).tag("key_id", key)
                    .description("Contact rows encrypted under this key; -1 until the first re-encryption run")
                    .register(metrics);
            return count;
        });
    }

    private record Census(Map<String, Long> byKey, long plaintext) {
    }
}
