package health.courses.localstack;

import java.nio.file.Path;
import java.util.Map;

/** A single-node KRaft Kafka (broker and controller in one node), started in this JVM. */
public interface LocalKafka extends AutoCloseable {

    /**
     * A one-node cluster cannot honour Kafka's defaults of three replicas for internal topics; without
     * these the group coordinator and transactions never become available.
     */
    Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    String bootstrapServers();

    @Override
    void close();

    /** Throw-away broker on free ports in a temp dir, for tests. */
    static LocalKafka ephemeral() {
        return TestKitKafka.start();
    }

    /** Broker whose log dirs survive restarts, on fixed ports, for the local run. */
    static LocalKafka persistent(Path dataDirectory, int port, int controllerPort) {
        return RaftServerKafka.start(dataDirectory, port, controllerPort);
    }
}
