package health.courses.notification.contact;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes the phone lookup hash (V60) of contacts stored before it existed: rows with a phone number and no hash, in
 * keyset batches, each batch one transaction locking only its own rows (SKIP LOCKED: replicas share the work, a PUT at
 * the same moment wins and writes the hash itself). Runs shortly after each start and then hourly with the
 * re-encryption job's cadence; a run that finds nothing costs one index-less but bounded query. Logs counts only.
 */
@ApplicationScoped
public class PhoneLookupBackfill {

    private static final Logger LOG = Logger.getLogger(PhoneLookupBackfill.class);
    private static final UUID FIRST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    private static final int BATCH = 200;

    private final Pool pool;
    private final ContactCipher cipher;

    PhoneLookupBackfill(Pool pool, ContactCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    @Scheduled(every = "${courses.contact-encryption.reencrypt-every:1h}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(filled -> {
            if (filled > 0) {
                LOG.infof("Phone lookup written for %d contacts stored before it existed", filled);
            }
        }).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warnf("Phone lookup back-fill failed, retried on the next run: %s", failure.getClass().getName());
            return Uni.createFrom().voidItem();
        });
    }

    /** @return how many rows got their hash */
    public Uni<Integer> run() {
        return batches(FIRST, FIRST, new int[1]).map(filled -> filled[0]);
    }

    private Uni<int[]> batches(UUID clinic, UUID patient, int[] filled) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                select clinic_id, patient_id, phone, phone_ciphertext, key_id
                  from patient_contact
                 where phone_lookup is null and (phone is not null or phone_ciphertext is not null)
                   and (clinic_id, patient_id) > ($1, $2)
                 order by clinic_id, patient_id
                 limit $3
                   for update skip locked""")
                .execute(Tuple.of(clinic, patient, BATCH))
                .chain(rows -> write(connection, rows, filled).replaceWith(rows)))
                .chain(rows -> {
                    if (rows.size() < BATCH) {
                        return Uni.createFrom().item(filled);
                    }
                    Row last = null;
                    for (Row row : rows) {
                        last = row;
                    }
                    return batches(last.getUUID("clinic_id"), last.getUUID("patient_id"), filled);
                });
    }

    private Uni<Void> write(SqlConnection connection, RowSet<Row> rows, int[] filled) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Row row : rows) {
            UUID clinicId = row.getUUID("clinic_id");
            UUID patientId = row.getUUID("patient_id");
            String keyId = row.getString("key_id");
            byte[] lookup;
            try {
                String phone = keyId == null ? row.getString("phone")
                        : cipher.decrypt(keyId, ContactCipher.Field.PHONE, clinicId, patientId,
                                row.getBuffer("phone_ciphertext") == null ? null
                                        : row.getBuffer("phone_ciphertext").getBytes()).orElse(null);
                lookup = cipher.phoneLookup(phone);
            } catch (ContactCipher.Unreadable unreadable) {
                continue;
            }
            if (lookup == null) {
                continue;
            }
            filled[0]++;
            chain = chain.chain(() -> connection.preparedQuery(
                    "update patient_contact set phone_lookup = $3 where clinic_id = $1 and patient_id = $2")
                    .execute(Tuple.of(clinicId, patientId, io.vertx.mutiny.core.buffer.Buffer.buffer(lookup)))
                    .replaceWithVoid());
        }
        return chain;
    }
}
