package dev.txauth.sms.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.phone.E164Number;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:41:28.123Z"), ZoneOffset.UTC);

    @Test
    void appendsOneJsonLineWithToTextAndSentAt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".txauth/outbox/sms.jsonl");
        OutboxSender outbox = new OutboxSender(file, CLOCK);
        SmsMessage message = new SmsMessage(new E164Number("+2348031234567"), "Code 482913. Never share it.");

        assertInstanceOf(SmsOutcome.Sent.class, outbox.send(message));
        outbox.send(message);

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"to\":\"+2348031234567\",\"text\":\"Code 482913. Never share it.\","
                + "\"sent_at\":\"2026-12-02T00:41:28.123Z\"}", lines.get(0));
        JsonNode line = new ObjectMapper().readTree(lines.get(1));
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertEquals(List.of("to", "text", "sent_at"), fields);
    }

    @Test
    void concurrentSendsNeverInterleaveLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sms.jsonl");
        OutboxSender outbox = new OutboxSender(file, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SmsOutcome>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = "Code " + (100000 + i) + ". " + "x".repeat(120);
            results.add(pool.submit(() -> outbox.send(new SmsMessage(new E164Number("+2348031234567"), text))));
        }
        for (Future<SmsOutcome> result : results) {
            assertInstanceOf(SmsOutcome.Sent.class, result.get());
        }
        pool.shutdown();
        List<String> lines = Files.readAllLines(file);
        assertEquals(200, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            assertTrue(mapper.readTree(line).path("text").asText().endsWith("x".repeat(120)), line);
        }
    }
}
