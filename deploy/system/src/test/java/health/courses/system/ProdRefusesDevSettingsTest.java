package health.courses.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import health.courses.localstack.DevKeys;
import health.courses.localstack.DevTokens;
import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalPostgres;
import health.courses.localstack.ServiceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8: the local stack's dev key works only in the dev profile. Each packaged service, started with the prod
 * profile and the local-stack issuer but otherwise everything prod needs, must exit non-zero and say
 * {@code refusing to start:} (the team contract's wording); notification-service also with a proper issuer but the
 * dev contact encryption key id {@code dev}. Its database is one of its own on the stack's PostgreSQL;
 * Kafka and SMTP point at closed ports, so a service that wrongly does start takes no part in the running system.
 */
@SystemTest
class ProdRefusesDevSettingsTest {

    /** A refusal happens at the end of a start (StartupEvent): the start's own time bounds it, which on two cores shared
     * with other builds (load 17 seen) took 60 s; a quiet machine needs under 10 s. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(150);
    private static final String REFUSAL = "refusing to start:";
    private static final String STARTED = "Listening on:";
    private static final String OWN_DATABASE = "prod_refusal";

    /** One dev setting left in an otherwise complete prod configuration. */
    record DevSetting(String module, String issuer, String contactKeyId) {

        @Override
        public String toString() {
            return module + (DevTokens.ISSUER.equals(issuer) ? " with the local-stack issuer"
                    : " with the dev contact key id '" + contactKeyId + "'");
        }
    }

    static List<DevSetting> devSettings() {
        return List.of(new DevSetting("scheduling-service", DevTokens.ISSUER, "prod-refusal-test"),
                new DevSetting("notification-service", DevTokens.ISSUER, "prod-refusal-test"),
                new DevSetting("notification-service", "https://idp.example.test/realms/clinics", "dev"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devSettings")
    void prodProfileWithADevSettingRefusesToStart(DevSetting setting, SystemUnderTest system) throws Exception {
        String module = setting.module();
        Path root = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("system.logs", "target/system-logs"));
        Files.createDirectories(logs);
        Path output = logs.resolve("prod-refusal-" + module + "-" + setting.contactKeyId() + ".out");
        String jdbcUrl = ownDatabase(system.jdbcUrl());

        // The contact key goes in as system properties: its name holds the key id, which no fixed variable can.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=prod",
                "-Dcourses.contact-encryption.current-key-id=" + setting.contactKeyId(),
                "-Dcourses.contact-encryption.keys." + setting.contactKeyId() + "=" + randomKey(),
                "-jar", ServiceSpec.jarOf(root, module).toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(prodEnvironment(jdbcUrl, logs, setting.issuer()));
        Process process = builder.start();
        try {
            // Quarkus logs "started in ... Listening on" only after every StartupEvent observer returned: a refusal
            // never gets there, so a service that does get there has no guard and need not be waited for any longer.
            try {
                await().atMost(EXIT_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> !process.isAlive()
                        || Files.readString(output, StandardCharsets.UTF_8).contains(STARTED));
            } catch (ConditionTimeoutException stillStarting) {
                fail(module + " neither exited nor started within " + EXIT_WITHIN.toSeconds() + " s:\n"
                        + tail(Files.readString(output, StandardCharsets.UTF_8)));
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            if (process.isAlive()) {
                fail(setting + " started under the prod profile: no startup check refused it. " + log.lines().filter(line -> line.contains(STARTED)
                                || line.contains("Profile prod activated")).toList() + "\nOutput:\n" + tail(log));
            }
            assertNotEquals(0, process.exitValue(), module + " exited 0:\n" + tail(log));
            // A missing prod setting also ends the start non-zero; only the guard's own line counts.
            assertTrue(log.contains(REFUSAL), module + " exited " + process.exitValue() + " without \"" + REFUSAL
                    + "\" (missing prod settings in this test's environment?):\n" + tail(log));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * What prod needs, as the environment variables both services' prod profiles read. Everything is valid except the
     * one dev setting under test.
     */
    private static Map<String, String> prodEnvironment(String jdbcUrl, Path logs, String issuer) throws IOException {
        DevKeys keys = DevKeys.generate();
        Path publicKey = logs.resolve("prod-refusal-jwt-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + keys.publicKeyBase64()
                + "\n-----END PUBLIC KEY-----\n");
        int closed = FreePorts.pick();
        Map<String, String> env = new HashMap<>();
        env.put("COURSES_JWT_ISSUER", issuer);
        // as after production's migration step (the schema is there before a service starts)
        env.put("COURSES_MIGRATE", "true");
        env.put("COURSES_JWT_PUBLIC_KEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", jdbcUrl.substring("jdbc:".length()));
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + closed);
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(closed));
        env.put("COURSES_MAIL_FROM", "clinic@example.test");
        env.put("COURSES_CHECKIN_SECRET", "prod-refusal-test-secret-of-sufficient-length-0123456789");
        env.put("COURSES_CHECKIN_PAGE_URL", "https://check-in.example.test");
        env.put("COURSES_SMS_ACCOUNT_SID", "AC00000000000000000000000000000000");
        env.put("COURSES_SMS_AUTH_TOKEN", "prod-refusal-test");
        env.put("COURSES_SMS_FROM", "+15005550006");
        env.put("COURSES_TRACING_DISABLED", "true");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(FreePorts.pick()));
        return env;
    }

    /**
     * A database of its own on the stack's server, so a prod start migrates and claims nothing the system uses. The
     * services' user may not create databases; the embedded server's superuser (trusted locally) may.
     */
    private static synchronized String ownDatabase(String systemJdbcUrl) throws SQLException {
        String server = systemJdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        try (Connection db = DriverManager.getConnection(server, "postgres", "");
                var exists = db.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, OWN_DATABASE);
            if (!exists.executeQuery().next()) {
                db.createStatement().execute("create database " + OWN_DATABASE + " owner " + LocalPostgres.USER);
            }
        }
        return systemJdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + OWN_DATABASE + "$1");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
