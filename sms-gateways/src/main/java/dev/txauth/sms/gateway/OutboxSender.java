package dev.txauth.sms.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The dev outbox (docs/api.md §9): appends each SMS as one JSON line {@code {"to","text","sent_at"}} to a file, so a
 * developer reads the code there instead of on a phone. It writes the full number and the code — which is why the
 * factory refuses it unless a server option names the file and the failover order names {@code outbox}.
 * Appends are locked (in this JVM and across processes), so two dev nodes can share one file.
 */
public final class OutboxSender implements SmsSender {

    public static final String ID = "outbox";
    private static final Object LOCK = new Object();

    private final Path file;
    private final Clock clock;

    public OutboxSender(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        ObjectNode line = Json.MAPPER.createObjectNode()
                .put("to", message.to().value())
                .put("text", message.text())
                .put("sent_at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (LOCK) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            } catch (IOException e) {
                return SmsOutcome.Failed.of(ID, SmsOutcome.Reason.ERROR, e.getClass().getSimpleName());
            }
        }
        return new SmsOutcome.Sent(ID, "outbox-" + UUID.randomUUID());
    }
}
