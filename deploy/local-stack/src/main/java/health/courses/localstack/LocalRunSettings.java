package health.courses.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local run's knobs, read from system properties so {@code ./mvnw -Prun -Dscheduling.port=9080} reaches them.
 * The property names double as the advice printed when a port is taken.
 */
record LocalRunSettings(Path root, int schedulingPort, int notificationPort, int kafkaPort, int kafkaControllerPort,
        int postgresPort, int smtpPort, int imapPort, boolean reset, boolean stackOnly) {

    static LocalRunSettings fromSystemProperties() {
        int kafkaPort = port("kafka.port", 9092);
        String controller = System.getProperty("kafka.controller.port", "");
        return new LocalRunSettings(
                Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize(),
                port("scheduling.port", 8080),
                port("notification.port", 8081),
                kafkaPort,
                controller.isBlank() ? kafkaPort + 1 : parse("kafka.controller.port", controller),
                port("postgres.port", 5433),
                port("smtp.port", 3025),
                port("imap.port", 3143),
                Boolean.parseBoolean(System.getProperty("reset", "false")),
                Boolean.parseBoolean(System.getProperty("stack.only", "false")));
    }

    private static int port(String property, int fallback) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? fallback : parse(property, value);
    }

    private static int parse(String property, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " is not a port number (1-65535)");
        }
    }

    /** Property name to port, in the order they are checked and reported. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (!stackOnly) {
            ports.put("scheduling.port", schedulingPort);
            ports.put("notification.port", notificationPort);
        }
        ports.put("kafka.port", kafkaPort);
        ports.put("kafka.controller.port", kafkaControllerPort);
        ports.put("postgres.port", postgresPort);
        ports.put("smtp.port", smtpPort);
        ports.put("imap.port", imapPort);
        return ports;
    }

    Path dataDirectory() {
        return root.resolve(".local");
    }

    Path envFile() {
        return dataDirectory().resolve("stack.env");
    }

    StackSettings stack() {
        return StackSettings.persistent(dataDirectory(), kafkaPort, kafkaControllerPort, postgresPort, smtpPort, imapPort);
    }
}
