package health.courses.localstack;

import java.nio.file.Path;

/**
 * Where the stack keeps its data and which ports it binds. Ephemeral: no data directory, every port picked free
 * (tests). Persistent: data under {@code dataDirectory}, fixed ports (the local run).
 */
public record StackSettings(Path dataDirectory, int kafkaPort, int kafkaControllerPort, int postgresPort,
        int smtpPort, int imapPort) {

    public static StackSettings ephemeral() {
        return new StackSettings(null, 0, 0, 0, 0, 0);
    }

    public static StackSettings persistent(Path dataDirectory, int kafkaPort, int kafkaControllerPort,
            int postgresPort, int smtpPort, int imapPort) {
        return new StackSettings(dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, imapPort);
    }

    public boolean persistent() {
        return dataDirectory != null;
    }

    Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    Path keysDirectory() {
        return dataDirectory.resolve("keys");
    }
}
