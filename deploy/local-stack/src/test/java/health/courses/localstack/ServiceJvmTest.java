package health.courses.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Java starts a packaged service: JDK 25 with the AOT cache only when both are there. */
class ServiceJvmTest {

    @TempDir
    Path directory;

    @AfterEach
    void forgetTheJdk() {
        System.clearProperty("services.java.home");
    }

    @Test
    void aServicePackagedWithoutAnAotCacheRunsOnThisJvmWithoutOptions() throws IOException {
        Path jar = Files.createFile(directory.resolve("quarkus-run.jar"));

        ServiceJvm jvm = ServiceJvm.forJar(jar);

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), jvm.java());
        assertNull(jvm.aotCache());
        assertEquals(List.of(), jvm.options());
        assertTrue(jvm.describe().startsWith("JDK " + System.getProperty("java.version")), jvm.describe());
    }

    @Test
    void aServiceWithAnAotCacheRunsOnTheJdk25ThatIsNamedWithTheCache() throws IOException {
        Path jar = Files.createFile(directory.resolve("quarkus-run.jar"));
        Path cache = Files.createFile(directory.resolve("app.aot"));
        Path jdk = Files.createDirectories(directory.resolve("jdk-25"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        System.setProperty("services.java.home", jdk.toString());

        ServiceJvm jvm = ServiceJvm.forJar(jar);

        assertEquals(jdk.resolve("bin").resolve("java"), jvm.java());
        assertEquals("25.0.3", jvm.version());
        assertEquals(List.of("-XX:AOTCache=" + cache), jvm.options());
        assertTrue(jvm.describe().contains("AOT cache"), jvm.describe());
    }

    @Test
    void featureReleaseIsTheVersionsFirstNumber() {
        assertEquals(17, ServiceJvm.feature("17.0.15"));
        assertEquals(25, ServiceJvm.feature("25"));
        assertEquals(25, ServiceJvm.feature("25-ea"));
        assertEquals(0, ServiceJvm.feature("unknown"));
    }
}
