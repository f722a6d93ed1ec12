package health.courses.system;

import health.courses.localstack.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads of notification-service's schema, for checks of what it stored: rows as column-name maps. */
final class NotificationRows {

    private NotificationRows() {
    }

    static List<Map<String, Object>> query(String jdbcUrl, String sql, Object... parameters) {
        Properties login = new Properties();
        login.setProperty("user", LocalPostgres.USER);
        login.setProperty("password", LocalPostgres.PASSWORD);
        login.setProperty("currentSchema", "notification");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>();
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
}
