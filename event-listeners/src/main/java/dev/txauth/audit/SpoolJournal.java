package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local, append-only journal every audit event passes through before PostgreSQL. A line is
 * {@code <hmac hex> <json>\n} ({@link SpoolLine}: authenticated with the audit key, so a line injected or edited on
 * disk is refused, logged and counted, never chained as genuine); files {@code segment-<n>.log} (0600, in a 0700
 * directory) rotate at a size limit; {@code checkpoint} names the position up to which PostgreSQL has confirmed the
 * rows, and segments wholly before it are deleted.
 * <p>
 * Appending is a {@code write(2)} into the page cache, so a SIGKILL of Keycloak loses nothing that was appended;
 * {@link #force()} (called by the writer thread before each database batch and while PostgreSQL is down) makes it
 * survive a power cut too. A torn last line (crash mid-write) is cut on open.
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

    private static final Logger LOG = Logger.getLogger(SpoolJournal.class);
    private static final int READ_WINDOW = 1024 * 1024;

    private final SpoolSegments files;
    private final AuditKey key;
    private final long maxBytes;
    private final long segmentBytes;
    private long activeSegment;
    private FileChannel active;
    private long activeSize;
    private long totalBytes;
    private long refusedLines;

    private SpoolJournal(SpoolSegments files, AuditKey key, long maxBytes, long segmentBytes) {
        this.files = files;
        this.key = key;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    public static SpoolJournal open(Path dir, AuditKey key, long maxBytes, long segmentBytes) throws IOException {
        SpoolJournal j = new SpoolJournal(new SpoolSegments(dir), key, maxBytes, segmentBytes);
        List<Long> segments = j.files.list();
        for (long s : segments) {
            j.totalBytes += Files.size(j.files.file(s));
        }
        j.activeSegment = segments.isEmpty() ? 1 : segments.get(segments.size() - 1);
        long size = Files.isRegularFile(j.files.file(j.activeSegment)) ? Files.size(j.files.file(j.activeSegment)) : 0;
        long cut = j.files.dropTornTail(j.activeSegment, size);
        j.totalBytes -= size - cut;
        j.openActive();
        return j;
    }

    /** Appends one payload (must not contain a newline) and returns the position after it. */
    public synchronized Position append(String payload) throws IOException {
        byte[] line = (SpoolLine.encode(key, payload) + "\n").getBytes(StandardCharsets.UTF_8);
        if (totalBytes + line.length > maxBytes) {
            throw new FullException("audit spool " + files.directory() + " holds " + totalBytes + " bytes, limit " + maxBytes);
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

    /**
     * Up to {@code max} complete lines after {@code from}, in order; a line that is not authentic is refused: logged
     * (its position, never its content), counted, skipped.
     */
    public List<Entry> read(Position from, int max) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (long segment : files.list()) {
            if (segment < from.segment()) {
                continue;
            }
            long offset = segment == from.segment() ? from.offset() : 0;
            byte[] bytes;
            boolean truncated;
            try (FileChannel ch = FileChannel.open(files.file(segment), StandardOpenOption.READ)) {
                long remaining = ch.size() - offset;
                if (remaining <= 0) {
                    continue;
                }
                // A window, not the whole segment: a replay reads a segment batch by batch.
                int window = (int) Math.min(remaining, READ_WINDOW);
                bytes = SpoolSegments.readFully(ch, offset, window);
                truncated = window < remaining;
                if (truncated && indexOf(bytes, (byte) '\n') < 0) {
                    bytes = SpoolSegments.readFully(ch, offset, (int) remaining);
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
                String payload = SpoolLine.verified(key, line);
                if (payload != null) {
                    out.add(new Entry(payload, end));
                } else {
                    synchronized (this) {
                        refusedLines++;
                    }
                    LOG.warnf("txauth-audit: refused a spool line that is not authentic (segment %d, bytes %d-%d "
                            + "of %s): not written to the audit table", segment, offset + start, offset + i,
                            files.directory());
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
        files.writeCheckpoint(position);
        for (long segment : files.list()) {
            if (segment < position.segment() && segment != activeSegmentSnapshot()) {
                long size = Files.size(files.file(segment));
                Files.deleteIfExists(files.file(segment));
                synchronized (this) {
                    totalBytes -= size;
                }
            }
        }
    }

    /** Where replay starts: the last checkpoint, or the very beginning. */
    public Position loadCheckpoint() throws IOException {
        Position stored = files.readCheckpoint();
        if (stored != null) {
            return stored;
        }
        List<Long> segments = files.list();
        return new Position(segments.isEmpty() ? 1 : segments.get(0), 0);
    }

    public synchronized long sizeBytes() {
        return totalBytes;
    }

    /** Lines refused since this journal was opened (each time a replay reads them). */
    public synchronized long refusedLines() {
        return refusedLines;
    }

    public Path directory() {
        return files.directory();
    }

    @Override
    public synchronized void close() throws IOException {
        active.force(false);
        active.close();
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
        active = files.openForAppend(activeSegment);
        activeSize = active.size();
    }
}
