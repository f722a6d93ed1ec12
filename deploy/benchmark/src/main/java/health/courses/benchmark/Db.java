package health.courses.benchmark;

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

/** Plain JDBC to the stack's database, in one service's schema: for fixtures, checks and the raw baselines. */
final class Db {

    private final String url;
    private final String schema;

    Db(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    Connection connect() {
        Properties login = new Properties();
        login.setProperty("user", health.courses.localstack.LocalPostgres.USER);
        login.setProperty("password", health.courses.localstack.LocalPostgres.PASSWORD);
        login.setProperty("currentSchema", schema);
        try {
            return DriverManager.getConnection(url, login);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            return query(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Map<String, Object>> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    long number(String sql, Object... parameters) {
        Object value = query(sql, parameters).get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Statements without parameters in one connection, e.g. a session setting and the work it is for. */
    void script(List<String> statements) {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
