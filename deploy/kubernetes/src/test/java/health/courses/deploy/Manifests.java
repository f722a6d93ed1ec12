package health.courses.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files under deploy/, read as YAML documents. */
final class Manifests {

    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Manifests() {
    }

    static Path deployRoot() {
        return Path.of(System.getProperty("deploy.root", "..")).toAbsolutePath().normalize();
    }

    static Path kubernetes() {
        return deployRoot().resolve("kubernetes");
    }

    static Path compose() {
        return deployRoot().resolve("compose");
    }

    /** Every YAML file below the directory (base and overlays), in a stable order. */
    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !file.toString().contains("/src/") && !file.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a (multi-document) YAML file; empty documents are skipped. */
    static List<JsonNode> documents(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && document.getNodeType() != JsonNodeType.NULL && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A service module's application.properties, as text. */
    static String serviceProperties(String module) {
        try {
            return Files.readString(deployRoot().resolve("../" + module + "/src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }
}
