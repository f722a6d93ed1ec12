package health.courses.notification.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The shared {@code kafka.*} configuration (bootstrap, security) narrowed to the keys one client type knows. */
final class KafkaClients {

    private KafkaClients() {
    }

    static Map<String, Object> only(Map<String, Object> kafka, Set<String> known, String clientId) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.put("client.id", clientId);
        return config;
    }
}
