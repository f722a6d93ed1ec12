package health.courses.localstack;

import java.time.Duration;
import java.util.Locale;

/** What the developer needs after start: where everything is, how to log in, how to stop. */
final class Banner {

    private Banner() {
    }

    static String text(LocalRunSettings settings, LocalStack stack, Duration total, Duration stackTime,
            Duration servicesTime) {
        StringBuilder text = new StringBuilder("\n");
        text.append(String.format(Locale.ROOT, "Treatment courses: local run ready in %s (stack %s%s)%n",
                seconds(total), seconds(stackTime),
                settings.stackOnly() ? ", services not started: -Dstack.only=true" : ", services " + seconds(servicesTime)));
        if (!settings.stackOnly()) {
            service(text, "scheduling-service", settings.schedulingPort());
            service(text, "notification-service", settings.notificationPort());
        }
        line(text, "Kafka bootstrap", stack.kafkaBootstrapServers() + "   (KRaft, controller on localhost:"
                + settings.kafkaControllerPort() + ")");
        line(text, "PostgreSQL", stack.postgres().jdbcUrl() + "   user " + LocalPostgres.USER + ", password "
                + LocalPostgres.PASSWORD + " (schemas scheduling, notification)");
        line(text, "SMTP", LocalMail.HOST + ":" + stack.mail().smtpPort());
        line(text, "IMAP", LocalMail.HOST + ":" + stack.mail().imapPort()
                + "   user = the recipient address, any password (mail is kept in memory only)");
        line(text, "Data", settings.dataDirectory() + "   (kept across restarts; -Dreset=true wipes it)");
        line(text, "Env and tokens", "source " + settings.envFile()
                + "   (DEMO_CLINIC_A_TOKEN, DEMO_CLINIC_B_TOKEN: roles booking, clinician, operator; 30 days)");
        if (!settings.stackOnly()) {
            line(text, "Try", "curl -H \"Authorization: Bearer $DEMO_CLINIC_A_TOKEN\" $SCHEDULING_URL/q/health");
        }
        line(text, "Stop", "Ctrl-C (stops the services, Kafka, PostgreSQL and mail)");
        return text.toString();
    }

    private static void service(StringBuilder text, String name, int port) {
        String base = "http://localhost:" + port;
        line(text, name, base + "/api/v1   swagger-ui " + base + "/q/swagger-ui   health " + base + "/q/health");
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-22s %s%n", label, value));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
