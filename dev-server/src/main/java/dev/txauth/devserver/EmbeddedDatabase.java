package dev.txauth.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server run from the zonky binaries (no Docker, no system install). With a data folder it keeps its data
 * across restarts (the dev server); without one it is a throw-away database (the tests).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** @param dataDirectory kept between runs */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return start(dataDirectory, false, port);
    }

    public static EmbeddedDatabase startThrowAway(Path dataDirectory, int port) {
        return start(dataDirectory, true, port);
    }

    private static EmbeddedDatabase start(Path dataDirectory, boolean clean, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    // Keycloak keeps a pool per node; the audit writer and tests need a few more.
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
