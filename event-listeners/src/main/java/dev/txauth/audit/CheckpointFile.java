package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only checkpoint file ({@code checkpoint-file}, 0600): one signed {@link Checkpoint} line per
 * publication, fsynced. {@code /verify} reads it back and checks the table against every line that verifies with a
 * key this node holds; ship it (or the log lines) to storage the database admin cannot rewrite.
 */
final class CheckpointFile implements CheckpointSink {

    private static final Logger LOG = Logger.getLogger(CheckpointFile.class);

    private final Path file;

    CheckpointFile(Path file) throws IOException {
        this.file = file;
        OwnerOnly.directory(file.toAbsolutePath().getParent());
        if (Files.isRegularFile(file)) {
            OwnerOnly.file(file);
        }
    }

    Path path() {
        return file;
    }

    @Override
    public void publish(Checkpoint checkpoint, String signedLine) throws IOException {
        try (FileChannel ch = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap((signedLine + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    /**
     * Every checkpoint of this realm (null: of every realm) whose line verifies; lines that do not are counted in the
     * log, not trusted.
     */
    List<Checkpoint> read(String realmId, AuditKeys keys) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        List<Checkpoint> out = new ArrayList<>();
        int untrusted = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Checkpoint c = Checkpoint.parse(line, keys);
            if (c == null) {
                untrusted++;
            } else if (realmId == null || c.realmId().equals(realmId)) {
                out.add(c);
            }
        }
        if (untrusted > 0) {
            LOG.warnf("txauth-audit: %d line(s) of the checkpoint file %s do not verify with this node's keys and "
                    + "were ignored", untrusted, file);
        }
        return out;
    }
}
