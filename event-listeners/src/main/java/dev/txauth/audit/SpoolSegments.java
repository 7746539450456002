package dev.txauth.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a {@link SpoolJournal} directory: {@code segment-<n>.log}, and {@code checkpoint} (the position
 * PostgreSQL has confirmed). Everything is created owner-only ({@link OwnerOnly}); opening a spool written by an
 * older version narrows its permissions.
 */
final class SpoolSegments {

    private static final String CHECKPOINT = "checkpoint";

    private final Path dir;

    SpoolSegments(Path dir) throws IOException {
        this.dir = dir;
        OwnerOnly.directory(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                OwnerOnly.file(p);
            }
        }
    }

    Path directory() {
        return dir;
    }

    List<Long> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("segment-") && n.endsWith(".log"))
                    .map(n -> Long.parseLong(n.substring(8, n.length() - 4)))
                    .sorted().toList();
        }
    }

    Path file(long segment) {
        return dir.resolve(String.format("segment-%016d.log", segment));
    }

    FileChannel openForAppend(long segment) throws IOException {
        return OwnerOnly.open(file(segment), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    void writeCheckpoint(SpoolJournal.Position position) throws IOException {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try (FileChannel ch = OwnerOnly.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((position.segment() + " " + position.offset() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the stored checkpoint, or null if there is none */
    SpoolJournal.Position readCheckpoint() throws IOException {
        Path cp = dir.resolve(CHECKPOINT);
        if (Files.isRegularFile(cp)) {
            String[] parts = Files.readString(cp, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length == 2) {
                return new SpoolJournal.Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        return null;
    }

    /**
     * A crash can leave half a line at the end; cut it so the next append starts on a line boundary.
     *
     * @return the new size of the segment
     */
    long dropTornTail(long segment, long size) throws IOException {
        if (size == 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file(segment), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            if (pos != size) {
                ch.truncate(pos);
                ch.force(true);
            }
            return pos;
        }
    }

    static byte[] readFully(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && ch.read(buffer, offset + buffer.position()) > 0) {
            // keep reading
        }
        return buffer.array();
    }
}
