package health.courses.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CloudNativePG publishes no Java model and its CRD is not on Maven Central, so the Cluster gets a structural check
 * instead of a schema validation: known fields only (a subset of postgresql.cnpg.io/v1 Cluster's spec, as documented
 * upstream), quantities that parse, a pinned image, a bootstrap that lets the operator own the password.
 */
class CloudNativePgClusterTest {

    private static final Set<String> SPEC_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy", "storage",
            "walStorage", "bootstrap", "postgresql", "resources", "monitoring", "affinity", "backup", "superuserSecret",
            "enableSuperuserAccess", "description", "startDelay", "stopDelay", "minSyncReplicas", "maxSyncReplicas");

    @Test
    void theClusterUsesOnlyKnownFieldsAndParses() throws Exception {
        List<JsonNode> clusters = new ArrayList<>();
        for (Path file : Manifests.yamlFiles(Manifests.kubernetes())) {
            for (JsonNode document : Manifests.documents(file)) {
                if ("postgresql.cnpg.io/v1".equals(document.path("apiVersion").asText())) {
                    assertEquals("Cluster", document.path("kind").asText(), file.toString());
                    clusters.add(document);
                }
            }
        }
        assertEquals(2, clusters.size(), "the base cluster and the dev overlay's patch");
        for (JsonNode cluster : clusters) {
            assertEquals("courses-db", cluster.path("metadata").path("name").asText());
            JsonNode spec = cluster.path("spec");
            spec.fieldNames().forEachRemaining(field -> assertTrue(SPEC_FIELDS.contains(field), "unknown field spec." + field));
            assertTrue(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1, "instances");
            Quantity.getAmountInBytes(Quantity.parse(spec.path("storage").path("size").asText()));
            if (spec.has("resources")) {
                ResourceRequirements resources = Manifests.YAML.treeToValue(spec.path("resources"), ResourceRequirements.class);
                assertEquals(List.of(), UnknownFields.of(resources));
            }
        }
        JsonNode base = clusters.stream().filter(cluster -> cluster.path("spec").has("bootstrap")).findFirst().orElseThrow();
        assertTrue(base.path("spec").path("instances").asInt() >= 3, "a primary and two replicas");
        assertTrue(base.path("spec").path("imageName").asText().matches(".+:\\d+(\\.\\d+)+.*"), "a pinned image");
        JsonNode initdb = base.path("spec").path("bootstrap").path("initdb");
        assertEquals("courses", initdb.path("database").asText());
        assertEquals("courses", initdb.path("owner").asText());
        assertTrue(initdb.path("secret").isMissingNode(), "the operator generates the password into courses-db-app");
    }
}
