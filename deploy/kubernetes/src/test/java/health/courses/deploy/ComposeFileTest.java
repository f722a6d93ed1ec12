package health.courses.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml: parses, every part is there, every image pinned, every port and reference consistent. */
class ComposeFileTest {

    /** What each container listens on, as its image documents it (or, for ours, application.properties says). */
    private static final Map<String, Set<Integer>> CONTAINER_PORTS = Map.of(
            "kafka", Set.of(9092, 9093, 29092),
            "postgres", Set.of(5432),
            "mailpit", Set.of(8025, 1025),
            "scheduling-service", Set.of(httpPort("scheduling-service")),
            "notification-service", Set.of(httpPort("notification-service")),
            "kafka-ui", Set.of(8080),
            "prometheus", Set.of(9090),
            "grafana", Set.of(3000));

    private final JsonNode compose = Manifests.documents(Manifests.compose().resolve("compose.yaml")).get(0);

    @Test
    void everyPartIsThereWithAPinnedImage() {
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        assertTrue(services.containsAll(CONTAINER_PORTS.keySet()), "services: " + services);
        compose.path("services").fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText();
            assertTrue(image.matches("[a-z0-9./-]+:[A-Za-z0-9._-]+") && !image.endsWith(":latest"),
                    service.getKey() + " image is not pinned: " + image);
        });
        assertEquals("broker,controller", compose.at("/services/kafka/environment/KAFKA_PROCESS_ROLES").asText(), "KRaft");
    }

    @Test
    void portsDependenciesFilesAndScrapeTargetsAreConsistent() throws IOException {
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        compose.path("services").fields().forEachRemaining(service -> {
            String name = service.getKey();
            for (JsonNode port : service.getValue().path("ports")) {
                String[] mapping = port.asText().split(":");
                assertEquals(2, mapping.length, name + " port " + port.asText());
                assertTrue(CONTAINER_PORTS.get(name).contains(Integer.parseInt(mapping[1])),
                        name + " publishes container port " + mapping[1] + ", which it does not listen on");
            }
            JsonNode dependsOn = service.getValue().path("depends_on");
            (dependsOn.isArray() ? dependsOn.elements() : dependsOn.fieldNames()).forEachRemaining(dependency -> {
                String target = dependency instanceof JsonNode node ? node.asText() : dependency.toString();
                assertTrue(services.contains(target), name + " depends on unknown " + target);
            });
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.exists(Manifests.compose().resolve(source)), name + " mounts missing " + source);
                } else {
                    assertTrue(compose.path("volumes").has(source), name + " uses undeclared volume " + source);
                }
            }
            String health = service.getValue().at("/healthcheck/test").toString();
            if (health.contains("localhost:")) {
                int port = Integer.parseInt(health.replaceAll(".*localhost:(\\d+).*", "$1"));
                assertTrue(CONTAINER_PORTS.get(name).contains(port), name + " health check on port " + port);
            }
        });
        JsonNode prometheus = Manifests.documents(Manifests.compose().resolve("prometheus/prometheus.yml")).get(0);
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText());
            for (JsonNode target : job.at("/static_configs/0/targets")) {
                String[] hostPort = target.asText().split(":");
                assertTrue(services.contains(hostPort[0]), "scrape target " + target);
                assertTrue(CONTAINER_PORTS.get(hostPort[0]).contains(Integer.parseInt(hostPort[1])), "scrape target " + target);
            }
        }
    }

    /** Issue 15: each service starts only after its one-shot migration (its own image: migrate, exit) succeeded. */
    @Test
    void eachServiceStartsAfterItsOwnMigrationStep() {
        for (String name : List.of("scheduling-service", "notification-service")) {
            String migration = name.replace("-service", "-migrate");
            JsonNode service = compose.path("services").path(name);
            JsonNode migrate = compose.path("services").path(migration);
            assertEquals(service.path("image").asText(), migrate.path("image").asText(), migration + " image");
            assertEquals("true", migrate.at("/environment/COURSES_MIGRATE").asText(), migration);
            assertEquals("true", migrate.at("/environment/QUARKUS_INIT_AND_EXIT").asText(), migration);
            assertEquals("service_completed_successfully", service.at("/depends_on/" + migration + "/condition").asText(),
                    name + " waits for " + migration);
            assertTrue(service.at("/environment/COURSES_MIGRATE").isMissingNode(), name + " does not migrate at start");
        }
    }

    private static int httpPort(String module) {
        Path file = Manifests.deployRoot().resolve("../" + module + "/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String port = properties.getProperty("quarkus.http.port");
        assertFalse(port == null, module + " sets no quarkus.http.port");
        return Integer.parseInt(port);
    }
}
