package dev.txauth.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The webhook secret-sealing key of a multi-node launcher (docs/cluster.md "Where each piece of state lives"): every
 * node must seal and open endpoint secrets with the same key, so a launcher of two nodes writes one key file and
 * passes it to both. A single node keeps txauth-webhooks' default (its own key in its {@code state-dir}).
 */
public final class WebhookKeyFile {

    public static final String FILE_NAME = "webhook-secret.key";
    static final String OPTION = "--spi-events-listener--txauth-webhooks--secret-key-file=";

    private WebhookKeyFile() {
    }

    /**
     * The key file in {@code directory}, created owner-only with 48 random bytes if it does not exist yet; an existing
     * file is kept, so endpoints sealed in an earlier run still open.
     */
    public static Path inDirectory(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(directory);
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server option that makes a node seal with {@code file}. */
    public static String option(Path file) {
        return OPTION + file.toAbsolutePath();
    }
}
