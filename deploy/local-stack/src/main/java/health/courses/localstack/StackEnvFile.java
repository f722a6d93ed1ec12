package health.courses.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes {@code .local/stack.env}: everything a shell, a script or an HTTP client needs, ready to {@code source}. */
final class StackEnvFile {

    static final Set<String> DEMO_ROLES = Set.of("booking", "clinician", "operator");
    /** Long enough that a developer's shell keeps working for weeks; the key pair survives restarts too. */
    static final Duration DEMO_TOKEN_LIFETIME = Duration.ofDays(30);
    /** notification-service's dev-profile SMS auth token ({@code %dev.courses.notification.sms.auth-token}). */
    static final String DEMO_SMS_AUTH_TOKEN = "dev-only-sms-auth-token-never-use-in-production";

    private StackEnvFile() {
    }

    static Map<String, String> variables(LocalRunSettings settings, LocalStack stack) {
        Map<String, String> config = stack.config();
        String privateKey = stack.keys().privateKeyBase64();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SCHEDULING_URL", "http://localhost:" + settings.schedulingPort());
        variables.put("NOTIFICATION_URL", "http://localhost:" + settings.notificationPort());
        variables.put("KAFKA_BOOTSTRAP", stack.kafkaBootstrapServers());
        variables.put("POSTGRES_JDBC_URL", stack.postgres().jdbcUrl());
        variables.put("POSTGRES_USER", LocalPostgres.USER);
        variables.put("POSTGRES_PASSWORD", LocalPostgres.PASSWORD);
        variables.put("SMTP_HOST", config.get(LocalStack.MAILER_HOST));
        variables.put("SMTP_PORT", config.get(LocalStack.MAILER_PORT));
        variables.put("IMAP_HOST", config.get(LocalStack.IMAP_HOST));
        variables.put("IMAP_PORT", config.get(LocalStack.IMAP_PORT));
        variables.put("IMAP_USER_HINT", "the recipient address, e.g. patient@example.test (one mailbox per address)");
        variables.put("IMAP_PASSWORD", "any");
        variables.put("DEMO_CLINIC_A_ID", DemoClinics.A);
        variables.put("DEMO_CLINIC_B_ID", DemoClinics.B);
        variables.put("DEMO_CLINIC_A_TOKEN", DevTokens.mint(privateKey, DemoClinics.A, "demo-clinic-a", DEMO_ROLES,
                DEMO_TOKEN_LIFETIME));
        variables.put("DEMO_CLINIC_B_TOKEN", DevTokens.mint(privateKey, DemoClinics.B, "demo-clinic-b", DEMO_ROLES,
                DEMO_TOKEN_LIFETIME));
        // What an SMS provider would call for demo clinic A's number, and the token it signs with (issue 18).
        variables.put("SMS_INBOUND_URL", "http://localhost:" + settings.notificationPort() + "/sms/inbound/" + DemoClinics.A);
        variables.put("SMS_AUTH_TOKEN", DEMO_SMS_AUTH_TOKEN);
        return variables;
    }

    static void write(Path file, Map<String, String> variables) {
        String content = "# Written by the local run (./mvnw -Prun); rewritten on every start. Use: source " + file + "\n"
                + variables.entrySet().stream()
                        .map(entry -> "export " + entry.getKey() + "='" + entry.getValue().replace("'", "'\\''") + "'")
                        .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
