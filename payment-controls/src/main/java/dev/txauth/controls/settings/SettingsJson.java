package dev.txauth.controls.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.regex.Pattern;

/**
 * Strict JSON for settings and the user's own controls: one document, no duplicate keys, shallow; and safe quoting of
 * what a caller sent.
 */
public final class SettingsJson {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build());
    }

    private SettingsJson() {
    }

    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidSettingException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException("the body is not valid JSON (or repeats a key)");
        }
    }

    /** A key the caller sent, echoed only when it is plain: error descriptions never reflect markup or control text. */
    public static String quote(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "\"" + key + "\"" : "a key that is not a setting name";
    }
}
