package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dev outbox ({@code .txauth/outbox/sms.jsonl}, one {@code {"to","text","sent_at"}} per line, docs/api.md
 * §9) for the demo page: only the SMS to one phone number (the signed-in user's) since a given instant, oldest first,
 * the newest {@link #LIMIT}. A line that is not such an object is skipped, never shown.
 */
final class SmsOutbox {

    static final int LIMIT = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sms(String to, String text, Instant sentAt) {
    }

    private final Path file;

    SmsOutbox(Path file) {
        this.file = file;
    }

    List<Sms> to(String phone, Instant since) {
        if (phone == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        List<Sms> found;
        try (var lines = Files.lines(file)) {
            found = lines.map(SmsOutbox::parse).flatMap(Optional::stream)
                    .filter(sms -> sms.to().equals(phone) && !sms.sentAt().isBefore(since)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.subList(Math.max(0, found.size() - LIMIT), found.size());
    }

    private static Optional<Sms> parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            if (json == null || !json.path("to").isTextual() || !json.path("text").isTextual()
                    || !json.path("sent_at").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Sms(json.get("to").asText(), json.get("text").asText(),
                    Instant.parse(json.get("sent_at").asText())));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
