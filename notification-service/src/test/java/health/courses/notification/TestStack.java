package health.courses.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import health.courses.localstack.DevTokens;
import health.courses.localstack.Mailbox;
import health.courses.localstack.ReceivedMail;
import health.courses.localstack.Topics;

/** The real parts the tests talk to, addressed through the configuration the local stack handed to Quarkus. */
public final class TestStack {

    public static final String COURSE_EVENTS = "treatment-course-events";
    public static final String DEAD_LETTERS = "treatment-course-events.dlq";
    /** As the producer (scheduling-service) creates it. */
    private static final int COURSE_EVENT_PARTITIONS = 6;

    private static boolean courseEventsTopicReady;

    private TestStack() {
    }

    public static String token(String clinicId, String... roles) {
        return DevTokens.mint(config().getValue("local-stack.jwt.private-key", String.class), clinicId,
                "test-user", Set.of(roles));
    }

    /** The test broker, with treatment-course-events there as its producer would create it. */
    public static synchronized String bootstrapServers() {
        String servers = config().getValue("kafka.bootstrap.servers", String.class);
        if (!courseEventsTopicReady) {
            Topics.ensure(servers, COURSE_EVENTS, COURSE_EVENT_PARTITIONS);
            courseEventsTopicReady = true;
        }
        return servers;
    }

    public static List<ReceivedMail> mailbox(String address) {
        return Mailbox.read(config().getValue("local-stack.imap.host", String.class),
                config().getValue("local-stack.imap.port", Integer.class), address);
    }

    /** A statement without rows (DDL, update), e.g. to stage a failure the service has to cope with. */
    public static void execute(String sql, Object... parameters) {
        Properties login = new Properties();
        login.setProperty("user", config().getValue("quarkus.datasource.username", String.class));
        login.setProperty("password", config().getValue("quarkus.datasource.password", String.class));
        login.setProperty("currentSchema", "notification");
        try (Connection connection = DriverManager.getConnection(
                config().getValue("quarkus.datasource.jdbc.url", String.class), login);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as column-name maps; the tests look into the notification schema to see what the service decided. */
    public static List<Map<String, Object>> query(String sql, Object... parameters) {
        Properties login = new Properties();
        login.setProperty("user", config().getValue("quarkus.datasource.username", String.class));
        login.setProperty("password", config().getValue("quarkus.datasource.password", String.class));
        login.setProperty("currentSchema", "notification");
        try (Connection connection = DriverManager.getConnection(
                config().getValue("quarkus.datasource.jdbc.url", String.class), login);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
