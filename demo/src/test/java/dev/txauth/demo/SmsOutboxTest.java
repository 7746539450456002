package dev.txauth.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsOutboxTest {

    @Test
    void showsOnlyTheUsersNewestSmsSinceTheGivenTimeAndSkipsJunk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sms.jsonl");
        StringBuilder lines = new StringBuilder();
        lines.append("{\"to\":\"+2348030000001\",\"text\":\"old\",\"sent_at\":\"2026-12-01T10:00:00Z\"}\n");
        lines.append("{\"to\":\"+2348039999999\",\"text\":\"someone else\",\"sent_at\":\"2026-12-02T10:00:01Z\"}\n");
        lines.append("not json\n{\"to\":\"+2348030000001\",\"text\":42,\"sent_at\":\"2026-12-02T10:00:01Z\"}\n");
        for (int i = 1; i <= 7; i++) {
            lines.append("{\"to\":\"+2348030000001\",\"text\":\"Code 00000").append(i)
                    .append("\",\"sent_at\":\"2026-12-02T10:00:0").append(i).append("Z\"}\n");
        }
        Files.writeString(file, lines);
        List<SmsOutbox.Sms> shown = new SmsOutbox(file).to("+2348030000001", Instant.parse("2026-12-02T00:00:00Z"));
        assertEquals(SmsOutbox.LIMIT, shown.size());
        assertEquals("Code 000003", shown.get(0).text());
        assertEquals("Code 000007", shown.get(shown.size() - 1).text());
        assertTrue(new SmsOutbox(dir.resolve("missing.jsonl")).to("+2348030000001", Instant.EPOCH).isEmpty());
        assertTrue(new SmsOutbox(file).to(null, Instant.EPOCH).isEmpty());
    }
}
