package dev.txauth.testkit.server;

import dev.txauth.devserver.EmbeddedDatabase;
import dev.txauth.devserver.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The separate PostgreSQL the test server's {@code txauth-audit} listener writes to, so a test can stop and start it
 * (an audit-database outage) without touching Keycloak's own database. Empty at the start of a test JVM; keeps its
 * data and port across {@link #stop()} / {@link #start()}.
 */
public final class AuditDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedDatabase database;

    private AuditDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static AuditDatabase startEmpty(Path dataDirectory) {
        deleteRecursively(dataDirectory);
        AuditDatabase db = new AuditDatabase(dataDirectory, FreePort.find());
        db.start();
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return EmbeddedDatabase.USER;
    }

    public String password() {
        return EmbeddedDatabase.PASSWORD;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    public synchronized boolean isRunning() {
        return database != null;
    }

    /** Fast shutdown of the server process; connections the listener holds break. */
    public synchronized void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public synchronized void start() {
        if (database == null) {
            database = EmbeddedDatabase.startPersistent(dataDirectory, port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
