package health.courses.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which Java starts a packaged service. A service packaged by JDK 25 (the parent pom's {@code aot-cache} profile) has
 * an AOT cache, {@code app.aot}, next to its {@code quarkus-run.jar}: it only loads into the JDK that wrote it, so the
 * service is then started by a JDK 25+ with {@code -XX:AOTCache}. Otherwise, or when no JDK 25 is found, the JVM
 * running this code starts it (JDK 17 by default here), exactly as before.
 *
 * <p>Where JDK 25 is looked for, first hit wins: {@code -Dservices.java.home}, {@code $SERVICES_JAVA_HOME}, this JVM
 * when it is 25+, then the JDKs under {@code /usr/lib/jvm} (Debian's and Temurin's packages install there).
 *
 * @param java     the {@code bin/java} to run
 * @param version  its {@code JAVA_VERSION}, e.g. {@code 25.0.1}
 * @param aotCache the service's {@code app.aot} when it is used, else null
 * @param note     why this JVM was chosen, for the logs and the benchmark report
 */
public record ServiceJvm(Path java, String version, Path aotCache, String note) {

    public static final String AOT_CACHE_FILE = "app.aot";
    private static final int AOT_JDK = 25;
    private static final Path JDKS = Path.of("/usr/lib/jvm");

    /** The JVM for the service packaged as {@code jar}. */
    public static ServiceJvm forJar(Path jar) {
        Path home = Path.of(System.getProperty("java.home"));
        Path cache = jar.resolveSibling(AOT_CACHE_FILE);
        if (!Files.isRegularFile(cache)) {
            return new ServiceJvm(javaIn(home), versionOf(home), null,
                    "no AOT cache (no " + AOT_CACHE_FILE + " next to the jar: packaged by JDK 17)");
        }
        Optional<Path> aotHome = aotJdk(home);
        if (aotHome.isEmpty()) {
            return new ServiceJvm(javaIn(home), versionOf(home), null, "no AOT cache (" + AOT_CACHE_FILE
                    + " present but no JDK " + AOT_JDK + "+ found: set -Dservices.java.home)");
        }
        return new ServiceJvm(javaIn(aotHome.get()), versionOf(aotHome.get()), cache, "AOT cache " + cache);
    }

    /** The options that use the AOT cache; none without one. */
    public List<String> options() {
        // AOTMode stays auto: a cache written by another JDK build is ignored with a warning, never a failed start
        return aotCache == null ? List.of() : List.of("-XX:AOTCache=" + aotCache);
    }

    /** One line for logs and reports, e.g. {@code JDK 25.0.3 + AOT cache .../app.aot}. */
    public String describe() {
        return "JDK " + version + (aotCache == null ? ", " : " + ") + note;
    }

    private static Optional<Path> aotJdk(Path current) {
        String explicit = System.getProperty("services.java.home", System.getenv("SERVICES_JAVA_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        if (feature(versionOf(current)) >= AOT_JDK) {
            return Optional.of(current);
        }
        if (!Files.isDirectory(JDKS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JDKS)) {
            return homes.filter(home -> Files.isExecutable(javaIn(home)))
                    .filter(home -> feature(versionOf(home)) >= AOT_JDK)
                    .max(Comparator.comparingInt((Path home) -> feature(versionOf(home))).thenComparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path javaIn(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** {@code JAVA_VERSION} from the JDK's {@code release} file; this JVM's own version when it is the current one. */
    static String versionOf(Path home) {
        if (home.equals(Path.of(System.getProperty("java.home")))) {
            return System.getProperty("java.version");
        }
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static int feature(String version) {
        String digits = version.split("[^0-9]", 2)[0];
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
