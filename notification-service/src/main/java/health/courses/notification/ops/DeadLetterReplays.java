package health.courses.notification.ops;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import health.courses.notification.audit.AuditLog;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Replays a dead letter: the original record (key, value, CloudEvents headers) goes back to the topic it came from,
 * marked with a {@value #REPLAYED_FROM} header. The replay is recorded in the same transaction that waits for the
 * broker's ack, so a record is replayed at most once through this API (a second attempt answers 409) and a failed
 * send leaves no record behind. Should a replayed event have been applied after all, the consumer's inbox drops it.
 */
@ApplicationScoped
class DeadLetterReplays {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);
    static final String REPLAYED_FROM = "replayed-from";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";

    private final Pool pool;
    private final Map<String, Object> kafka;
    private final String sourceTopic;
    private KafkaProducer<String, byte[]> producer;

    private final AuditLog audit;

    DeadLetterReplays(Pool pool, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.course-events.topic") String sourceTopic, AuditLog audit) {
        this.pool = pool;
        this.audit = audit;
        this.kafka = kafka;
        this.sourceTopic = sourceTopic;
    }

    record Replay(String id, String topic, int partition, long offset, OffsetDateTime replayedAt) {
    }

    /**
     * Empty when this record was replayed before.
     *
     * @param callerClinic the operator's clinic: the audit entry is written under it, in the replay's transaction
     */
    Uni<Optional<Replay>> replay(DeadLetter letter, Optional<UUID> clinic, String operator, UUID callerClinic) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, event_id, clinic_id, replayed_by,
                                                replay_topic)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict do nothing
                returning replayed_at""")
                .execute(tuple(letter, clinic, operator))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(Optional.<Replay> empty());
                    }
                    OffsetDateTime at = rows.iterator().next().getOffsetDateTime("replayed_at");
                    return send(letter).chain(sent -> connection.preparedQuery("""
                            update dead_letter_replay set replay_partition = $4, replay_offset = $5
                             where dlq_topic = $1 and dlq_partition = $2 and dlq_offset = $3""")
                            .execute(Tuple.of(letter.topic(), letter.partition(), letter.offset(), sent.partition(),
                                    sent.offset()))
                            .call(() -> audit.record(connection, callerClinic, "dead-letter.replayed", "dead-letter",
                                    letter.id()))
                            .map(updated -> Optional.of(new Replay(letter.id(), sent.topic(), sent.partition(),
                                    sent.offset(), at))));
                }));
    }

    /** When each of these records (by offset, in one partition) was replayed. */
    Uni<Map<String, OffsetDateTime>> replayedAt(String topic) {
        return pool.preparedQuery("select dlq_partition, dlq_offset, replayed_at from dead_letter_replay where dlq_topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Map<String, OffsetDateTime> replayed = new HashMap<>();
                    for (Row row : rows) {
                        replayed.put(row.getInteger("dlq_partition") + "-" + row.getLong("dlq_offset"),
                                row.getOffsetDateTime("replayed_at"));
                    }
                    return replayed;
                });
    }

    private Tuple tuple(DeadLetter letter, Optional<UUID> clinic, String operator) {
        return Tuple.tuple()
                .addString(letter.topic()).addInteger(letter.partition()).addLong(letter.offset())
                .addUUID(letter.eventId().orElse(null)).addUUID(clinic.orElse(null))
                .addString(operator).addString(letter.header("dead-letter-topic").orElse(sourceTopic));
    }

    private Uni<RecordMetadata> send(DeadLetter letter) {
        String target = letter.header("dead-letter-topic").orElse(sourceTopic);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(target, null, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                record.headers().add(header.key(), header.value());
            }
        }
        record.headers().add(REPLAYED_FROM,
                (letter.topic() + "/" + letter.partition() + "/" + letter.offset()).getBytes(StandardCharsets.UTF_8));
        // send() may block while it fetches metadata: not on the event loop.
        return Uni.createFrom().<RecordMetadata> emitter(emitter -> producer().send(record, (metadata, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(metadata);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(sent -> LOG.infof("Replayed dead letter %s/%d/%d (ce_id %s) to %s-%d@%d", letter.topic(),
                        letter.partition(), letter.offset(), letter.header("ce_id").orElse("?"), sent.topic(),
                        sent.partition(), sent.offset()));
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = KafkaClients.only(kafka, ProducerConfig.configNames(),
                    "notification-service-dead-letter-replay");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            // bounded: a shutdown while the broker is away must not wait the client's default (forever)
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
