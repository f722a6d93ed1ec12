package health.courses.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's OpenAPI document, as its build wrote it (quarkus.smallrye-openapi.store-schema-directory, the same
 * document /q/openapi serves), passes Redocly's recommended rules with the repository's redocly.yaml: no error.
 * Generic: it lints whatever operations the document has. The CLI comes from the npm registry through npx, pinned
 * to redocly-cli.version of the parent pom. Without npx the test is skipped, unless REQUIRE_OPENAPI_LINT=1 (as
 * .ci/run sets after installing Node), like the check-in page's browser test.
 */
class OpenApiLintTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../.."));

    @ParameterizedTest
    @ValueSource(strings = { "scheduling-service", "notification-service" })
    void theServedDocumentHasNoLintErrors(String service) throws Exception {
        Path document = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertTrue(Files.isRegularFile(document), document + " is written when " + service + " is packaged");
        if (!npxAvailable()) {
            boolean required = "1".equals(System.getenv("REQUIRE_OPENAPI_LINT"));
            assertTrue(!required, "REQUIRE_OPENAPI_LINT=1 but npx (Node.js) is not installed");
            Assumptions.abort("npx (Node.js) is not installed; set REQUIRE_OPENAPI_LINT=1 to fail instead");
        }
        String cli = "@redocly/cli@" + System.getProperty("redocly.cli.version", "2.77.0");
        Path output = Files.createTempFile("redocly-" + service, ".txt");
        Process lint = new ProcessBuilder("npx", "--yes", cli, "lint", "--config",
                ROOT.resolve("redocly.yaml").toString(), "--format=stylish", document.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(lint.waitFor(10, TimeUnit.MINUTES), "redocly lint did not finish");
        String report = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(0, lint.exitValue(), service + "'s OpenAPI document has lint errors:\n" + report);
    }

    private static boolean npxAvailable() {
        try {
            Process probe = new ProcessBuilder(List.of("npx", "--version")).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }
}
