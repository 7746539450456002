package dev.txauth.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.util.Set;

/**
 * Owner-only permissions (directories 0700, files 0600) for everything txauth keeps on the node's disk: the audit
 * spool holds events not yet in PostgreSQL, the key files the audit key and the webhook secret key. Set at creation,
 * so there is no moment in which another local user could open them; on a file system without POSIX permissions
 * nothing is changed.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the directory (and parents) or narrows an existing one to 0700. */
    public static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        }
        restrict(dir, DIRECTORY);
    }

    /** Narrows an existing file to 0600 (files written by an older version, or copied in). */
    static void file(Path file) throws IOException {
        restrict(file, FILE);
    }

    /** Opens a channel; a file it creates is born 0600. */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        FileChannel channel = POSIX
                ? FileChannel.open(file, Set.of(options), attributes())
                : FileChannel.open(file, options);
        if (POSIX) {
            restrict(file, FILE);
        }
        return channel;
    }

    /** Writes a new file, born 0600. */
    public static void writeNew(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private static FileAttribute<?>[] attributes() {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)};
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
