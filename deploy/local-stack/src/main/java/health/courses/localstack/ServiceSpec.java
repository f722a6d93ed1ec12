package health.courses.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to launch one packaged service: the same spec starts it again after a crash test killed it.
 *
 * @param name      short name used as the log prefix, e.g. {@code scheduling}
 * @param jar       the {@code quarkus-app/quarkus-run.jar}
 * @param httpPort  passed as {@code quarkus.http.port}; readiness is polled there
 * @param config    system properties for the service (the stack's config keys)
 * @param jvmOptions extra JVM options, e.g. a heap limit
 * @param logFile   where the output goes; null prints it to the console, prefixed with the name
 */
public record ServiceSpec(String name, Path jar, int httpPort, Map<String, String> config, List<String> jvmOptions,
        Path logFile) {

    public static final String PROFILE = "local";

    public ServiceSpec {
        config = Map.copyOf(config);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The jar Quarkus packages under {@code <module>/target/quarkus-app}. */
    public static Path jarOf(Path repositoryRoot, String module) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }
}
