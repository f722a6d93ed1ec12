package health.courses.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL 17 from the zonky binaries on Maven Central. Holds the one {@code courses} database both services
 * share; each service migrates its own schema.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "courses";
    public static final String USER = "courses";
    public static final String PASSWORD = "courses";

    /** Unpacking the binaries costs 60 MB and seconds; outside target/ it survives {@code mvn clean}. */
    static final Path BINARIES_CACHE = Path.of(System.getProperty("user.home"), ".cache", "health-courses", "embedded-pg");

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Random port, throw-away data directory, durability off: test data is worthless after the run. */
    public static LocalPostgres ephemeral() {
        return start(builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off"));
    }

    /** Fixed port and a data directory kept between runs, so bookings survive a restart. */
    public static LocalPostgres persistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDirectory.getParent(), e);
        }
        // zonky turns durability off by default; the local run keeps real bookings, so it turns it back on
        return start(builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    private static EmbeddedPostgres.Builder builder() {
        if (System.getProperty("ot.epg.working-dir") == null) {
            System.setProperty("ot.epg.working-dir", BINARIES_CACHE.toString());
        }
        RootCheck.requireUsablePostgresUser();
        return EmbeddedPostgres.builder();
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder) {
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage()
                    + " (is the port free? a stale postgres from a killed run may still hold it)", e);
        }
        LocalPostgres local = new LocalPostgres(postgres);
        try {
            local.createDatabase();
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    /** Idempotent: the persistent data directory already has them from an earlier run. */
    private void createDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                    + "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            boolean exists;
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the " + DATABASE + " database", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The form Quarkus' reactive client takes: the JDBC URL without {@code jdbc:}. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop PostgreSQL", e);
        }
    }
}
