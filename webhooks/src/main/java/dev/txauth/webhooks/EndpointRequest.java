package dev.txauth.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST} and {@code PUT /admin/realms/{realm}/txauth-webhooks[/{id}]} (docs/api.md §11):
 * {@code {"url", "events": [...], "enabled"}}, checked completely before anything is stored. Every refusal names the
 * field and the rule, so an admin can fix the request without reading the source.
 */
public record EndpointRequest(URI url, EventFilter events, boolean enabled) {

    /** A configuration, not a document: 16 KiB holds 100 patterns and the longest URL with room. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("url", "events", "enabled");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    public static EndpointRequest parse(String body) throws Invalid {
        if (body == null || body.isBlank()) {
            throw new Invalid("a JSON object {\"url\", \"events\", \"enabled\"} is required");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new Invalid("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the body must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Invalid("unknown field '" + (name.length() > 40 ? name.substring(0, 40) : name)
                        + "'; allowed: url, events, enabled");
            }
        }
        JsonNode url = root.get("url");
        if (url == null || !url.isTextual()) {
            throw new Invalid("url is required and must be a string");
        }
        URI uri;
        try {
            uri = AddressGuard.parse(url.asText());
        } catch (AddressGuard.Refused e) {
            throw new Invalid(e.getMessage());
        }
        JsonNode enabled = root.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw new Invalid("enabled must be true or false");
        }
        return new EndpointRequest(uri, events(root.get("events")), enabled == null || enabled.asBoolean());
    }

    private static EventFilter events(JsonNode events) throws Invalid {
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new Invalid("events is required: a non-empty array of audit types, e.g. "
                    + "[\"TXAUTH_TRANSACTION_APPROVED\", \"LOGIN_ERROR\", \"TXAUTH_TRANSACTION_*\"]");
        }
        if (events.size() > EventFilter.MAX_PATTERNS) {
            throw new Invalid("events may hold at most " + EventFilter.MAX_PATTERNS + " entries");
        }
        Set<String> patterns = new LinkedHashSet<>();
        for (JsonNode e : events) {
            if (!e.isTextual()) {
                throw new Invalid("every entry of events must be a string");
            }
            String problem = EventFilter.problem(e.asText());
            if (problem != null) {
                throw new Invalid(problem);
            }
            patterns.add(e.asText());
        }
        return new EventFilter(new ArrayList<>(patterns));
    }

    List<String> eventList() {
        return events.patterns();
    }
}
