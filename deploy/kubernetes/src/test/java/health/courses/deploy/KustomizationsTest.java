package health.courses.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code kustomize build} would need, checked without the binary: every resource and patch file exists, every
 * patch targets a resource the overlay's base has, every image override names an image a container uses.
 */
class KustomizationsTest {

    record Resource(String kind, String name) {
    }

    @Test
    void baseAndOverlaysAssemble() {
        List<Path> kustomizations = Manifests.yamlFiles(Manifests.kubernetes()).stream()
                .filter(Manifests::isKustomization).toList();
        assertEquals(Set.of("base", "dev", "prod"), kustomizations.stream()
                .map(file -> file.getParent().getFileName().toString()).collect(Collectors.toSet()));
        for (Path kustomization : kustomizations) {
            List<Resource> resources = assemble(kustomization.getParent());
            assertFalse(resources.isEmpty(), kustomization.toString());
            JsonNode spec = Manifests.documents(kustomization).get(0);
            assertEquals("Kustomization", spec.path("kind").asText(), kustomization.toString());
            assertFalse(spec.path("namespace").asText().isBlank(), kustomization + " names its namespace");
            for (JsonNode patch : spec.path("patches")) {
                Path file = kustomization.getParent().resolve(patch.path("path").asText());
                assertTrue(Files.isRegularFile(file), file + " is missing");
                JsonNode target = patch.path("target");
                JsonNode document = Manifests.documents(file).get(0);
                String kind = target.has("kind") ? target.path("kind").asText() : document.path("kind").asText();
                String name = target.has("name") ? target.path("name").asText()
                        : target.has("kind") ? null : document.path("metadata").path("name").asText();
                assertTrue(resources.stream().anyMatch(resource -> resource.kind().equals(kind)
                        && (name == null || resource.name().equals(name))),
                        kustomization + ": patch " + file.getFileName() + " targets " + kind + "/" + name
                                + ", which the base does not have");
            }
            Set<String> images = images(kustomization.getParent());
            for (JsonNode image : spec.path("images")) {
                assertTrue(images.contains(image.path("name").asText()),
                        kustomization + ": no container uses image " + image.path("name").asText());
                assertFalse(image.path("newTag").asText().isBlank() || image.path("newTag").asText().equals("latest"),
                        kustomization + ": pin a tag for " + image.path("name").asText());
            }
        }
    }

    /** The resources a kustomization directory produces, following resources into bases. */
    private static List<Resource> assemble(Path directory) {
        Path kustomization = directory.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(kustomization), directory + " has no kustomization.yaml");
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : Manifests.documents(kustomization).get(0).path("resources")) {
            Path target = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(assemble(target));
            } else {
                assertTrue(Files.isRegularFile(target), kustomization + ": resource " + entry.asText() + " is missing");
                for (JsonNode document : Manifests.documents(target)) {
                    resources.add(new Resource(document.path("kind").asText(),
                            document.path("metadata").path("name").asText()));
                }
            }
        }
        return resources;
    }

    private static Set<String> images(Path directory) {
        Set<String> images = new java.util.HashSet<>();
        for (Path file : Manifests.yamlFiles(Manifests.kubernetes().resolve("base"))) {
            for (JsonNode document : Manifests.documents(file)) {
                document.path("spec").path("template").path("spec").path("containers")
                        .forEach(container -> images.add(container.path("image").asText().replaceAll(":[^:/]+$", "")));
            }
        }
        return images;
    }
}
