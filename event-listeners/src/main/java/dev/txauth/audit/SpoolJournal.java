package dev.txauth.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The local, append-only journal every audit event passes through before PostgreSQL. A line is
 * {@code <crc32 hex> <json>\n}; files {@code segment-<n>.log} rotate at a size limit; {@code checkpoint} names the
 * position up to which PostgreSQL has confirmed the rows, and segments wholly before it are deleted.
 * <p>
 * Appending is a {@code write(2)} into the page cache, so a SIGKILL of Keycloak loses nothing that was appended;
 * {@link #force()} (called by the writer thread before each database batch and while PostgreSQL is down) makes it
 * survive a power cut too. A torn last line (crash mid-write) fails its CRC and is dropped on open.
 */
public final class SpoolJournal implements AutoCloseable {

    /** A place in the journal: segment number and byte offset just after a line. */
    public record Position(long segment, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = Long.compare(segment, o.segment);
            return c != 0 ? c : Long.compare(offset, o.offset);
        }
    }

    /** One line read back: its payload and the position just after it. */
    public record Entry(String payload, Position end) {
    }

    /** The journal reached its size bound; the event cannot be kept. */
    public static final class FullException extends IOException {
        FullException(String message) {
            super(message);
        }
    }

    private static final String CHECKPOINT = "checkpoint";
    private static final int READ_WINDOW = 1024 * 1024;

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private long activeSegment;
    private FileChannel active;
    private long activeSize;
    private long totalBytes;
    private long corruptLines;

    private SpoolJournal(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    public static SpoolJournal open(Path dir, long maxBytes, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        SpoolJournal j = new SpoolJournal(dir, maxBytes, segmentBytes);
        List<Long> segments = j.segments();
        for (long s : segments) {
            j.totalBytes += Files.size(j.file(s));
        }
        j.activeSegment = segments.isEmpty() ? 1 : segments.get(segments.size() - 1);
        j.openActive();
        j.dropTornTail();
        return j;
    }

    /** Appends one payload (must not contain a newline) and returns the position after it. */
    public synchronized Position append(String payload) throws IOException {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] line = (String.format("%08x ", crc.getValue()) + payload + "\n").getBytes(StandardCharsets.UTF_8);
        if (totalBytes + line.length > maxBytes) {
            throw new FullException("audit spool " + dir + " holds " + totalBytes + " bytes, limit " + maxBytes);
        }
        if (activeSize > 0 && activeSize + line.length > segmentBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            active.write(buffer);
        }
        activeSize += line.length;
        totalBytes += line.length;
        return new Position(activeSegment, activeSize);
    }

    /** fsync of the active segment (rotated ones were forced when they were closed). */
    public void force() throws IOException {
        FileChannel channel;
        synchronized (this) {
            channel = active;
        }
        try {
            channel.force(false);
        } catch (java.nio.channels.ClosedChannelException rotatedMeanwhile) {
            // rotate() forced it before closing
        }
    }

    /** Up to {@code max} complete lines after {@code from}, in order; a corrupt line is skipped and counted. */
    public List<Entry> read(Position from, int max) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (long segment : segments()) {
            if (segment < from.segment()) {
                continue;
            }
            long offset = segment == from.segment() ? from.offset() : 0;
            byte[] bytes;
            boolean truncated;
            try (FileChannel ch = FileChannel.open(file(segment), StandardOpenOption.READ)) {
                long remaining = ch.size() - offset;
                if (remaining <= 0) {
                    continue;
                }
                // A window, not the whole segment: a replay reads a segment batch by batch.
                int window = (int) Math.min(remaining, READ_WINDOW);
                bytes = readFully(ch, offset, window);
                truncated = window < remaining;
                if (truncated && indexOf(bytes, (byte) '\n') < 0) {
                    bytes = readFully(ch, offset, (int) remaining);
                    truncated = false;
                }
            } catch (java.nio.file.NoSuchFileException deleted) {
                continue;
            }
            int start = 0;
            for (int i = 0; i < bytes.length && out.size() < max; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                Position end = new Position(segment, offset + i + 1);
                String payload = verified(line);
                if (payload != null) {
                    out.add(new Entry(payload, end));
                } else {
                    synchronized (this) {
                        corruptLines++;
                    }
                }
                start = i + 1;
            }
            if (truncated) {
                break;
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }

    /** Records that everything up to {@code position} is in PostgreSQL, and deletes the segments before it. */
    public void checkpoint(Position position) throws IOException {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((position.segment() + " " + position.offset() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        for (long segment : segments()) {
            if (segment < position.segment() && segment != activeSegmentSnapshot()) {
                long size = Files.size(file(segment));
                Files.deleteIfExists(file(segment));
                synchronized (this) {
                    totalBytes -= size;
                }
            }
        }
    }

    /** Where replay starts: the last checkpoint, or the very beginning. */
    public Position loadCheckpoint() throws IOException {
        Path cp = dir.resolve(CHECKPOINT);
        if (Files.isRegularFile(cp)) {
            String[] parts = Files.readString(cp, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length == 2) {
                return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        List<Long> segments = segments();
        return new Position(segments.isEmpty() ? 1 : segments.get(0), 0);
    }

    public synchronized long sizeBytes() {
        return totalBytes;
    }

    public synchronized long corruptLines() {
        return corruptLines;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        active.force(false);
        active.close();
    }

    static String verified(String line) {
        if (line.length() < 10 || line.charAt(8) != ' ') {
            return null;
        }
        String payload = line.substring(9);
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue()).equals(line.substring(0, 8)) ? payload : null;
    }

    private static byte[] readFully(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && ch.read(buffer, offset + buffer.position()) > 0) {
            // keep reading
        }
        return buffer.array();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private synchronized long activeSegmentSnapshot() {
        return activeSegment;
    }

    private void rotate() throws IOException {
        active.force(false);
        active.close();
        activeSegment++;
        openActive();
    }

    private void openActive() throws IOException {
        active = FileChannel.open(file(activeSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        activeSize = active.size();
    }

    /** A crash can leave half a line at the end; cut it so the next append starts on a line boundary. */
    private void dropTornTail() throws IOException {
        if (activeSize == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file(activeSegment), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long pos = activeSize;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            if (pos != activeSize) {
                ch.truncate(pos);
                ch.force(true);
                totalBytes -= activeSize - pos;
                activeSize = pos;
            }
        }
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("segment-") && n.endsWith(".log"))
                    .map(n -> Long.parseLong(n.substring(8, n.length() - 4)))
                    .sorted().toList();
        }
    }

    private Path file(long segment) {
        return dir.resolve(String.format("segment-%016d.log", segment));
    }
}
