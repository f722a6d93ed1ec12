package health.courses.system;

import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real KRaft broker that a test can stop and start again, to simulate a broker outage: the persistent broker of
 * the local stack on free ports with its log dirs in a temp directory, so topics, records and the services'
 * committed offsets survive the restart, on the same ports the services keep connecting to.
 */
final class RestartableKafka implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private LocalKafka broker;

    private RestartableKafka(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    static RestartableKafka start() {
        try {
            RestartableKafka kafka = new RestartableKafka(Files.createTempDirectory("system-kafka"), FreePorts.pick(),
                    FreePorts.pick());
            kafka.startBroker();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data directory", e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    synchronized boolean running() {
        return broker != null;
    }

    /** Clean shutdown of the broker; clients see connection refused until {@link #startBroker()}. */
    synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker on the same ports and data; returns once clients can use it. */
    synchronized void startBroker() {
        if (broker == null) {
            broker = LocalKafka.persistent(directory, port, controllerPort);
        }
    }

    @Override
    public synchronized void close() {
        stopBroker();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
