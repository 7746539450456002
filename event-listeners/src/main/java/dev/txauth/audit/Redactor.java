package dev.txauth.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what of an event may be stored. Secrets are dropped by key (tokens, codes, OTPs, passwords, WebAuthn
 * assertion parts, client secrets), bearer tokens are blanked wherever they appear as values, and account numbers
 * (runs of 8–19 digits, IBANs) keep only their last 4 digits. Identifiers such as {@code token_id} or {@code code_id}
 * are kept: they name a token without being usable as one, and investigations need them.
 */
public final class Redactor {

    public static final String REDACTED = "[REDACTED]";
    /** A value longer than this is cut: an event detail is not a document store (10 KiB fits with room). */
    public static final int MAX_VALUE_LENGTH = 32 * 1024;

    /** Words that mark a secret wherever they appear in a key ({@code clientSecret}, {@code new_password}). */
    private static final Pattern SECRET_WORD = Pattern.compile(
            "password|passwd|secret|credential|assertion|signature|authenticatordata|authenticator_data"
                    + "|clientdatajson|client_data|userhandle|user_handle|privatekey|private_key|cardnumber|card_number");
    /** Short words that mark a secret only as a whole key segment ({@code otp}, {@code refresh_token}, not {@code span}). */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("otp|totp|hotp|pin|pan|cvv|cvc|code|token|jwt");
    /** Key endings that describe rather than carry a value: {@code token_id}, {@code grant_type}, {@code auth_method}. */
    private static final Pattern DESCRIPTOR = Pattern.compile(".*(^|[_.-])(id|type|method|time|count|uri)$");
    /** Compact JWS/JWE: base64url header starting with {"...} then dot-separated parts. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}(\\.[A-Za-z0-9_-]*){1,4}");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![0-9A-Za-z-])\\d{8,19}(?![0-9A-Za-z-])");
    private static final Pattern IBAN = Pattern.compile("(?<![0-9A-Za-z])[A-Z]{2}\\d{2}[A-Z0-9]{10,30}(?![0-9A-Za-z])");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Redactor() {
    }

    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (DESCRIPTOR.matcher(k).matches()) {
            return false;
        }
        if (SECRET_WORD.matcher(k).find()) {
            return true;
        }
        for (String segment : k.split("[_.-]")) {
            if (SECRET_SEGMENT.matcher(segment).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Details as they may be stored: secrets removed by key, every value passed through {@link #value}. */
    public static Map<String, String> details(Map<String, String> details) {
        Map<String, String> out = new TreeMap<>();
        if (details == null) {
            return out;
        }
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (e.getKey() == null) {
                continue;
            }
            String key = clean(e.getKey());
            out.put(key, isSecretKey(key) ? REDACTED : value(e.getValue()));
        }
        return out;
    }

    /** A free-text value: tokens blanked, account numbers masked, NUL removed (PostgreSQL text cannot hold it). */
    public static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = clean(raw);
        v = JWT.matcher(v).replaceAll(REDACTED);
        v = mask(IBAN.matcher(v));
        v = mask(LONG_DIGITS.matcher(v));
        return v;
    }

    /** User-controlled identifiers (client id, IP, error): only made storable, never rewritten. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.indexOf('\0') >= 0 ? raw.replace('\0', '\uFFFD') : raw;
        return v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v;
    }

    /** An admin representation (JSON), opt-in: secret fields removed recursively, values as in {@link #value}. */
    public static String representation(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return MAPPER.writeValueAsString(redactNode(node));
        } catch (JsonProcessingException e) {
            return REDACTED;
        }
    }

    private static JsonNode redactNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey().toLowerCase(Locale.ROOT);
                if (isSecretKey(key) || key.equals("value") || key.equals("secretdata") || key.equals("credentials")) {
                    f.setValue(TextNode.valueOf(REDACTED));
                } else {
                    f.setValue(redactNode(f.getValue()));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactNode(array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(value(node.asText()));
        }
        if (node.isIntegralNumber() && node.asText().length() >= 8) {
            return TextNode.valueOf(value(node.asText()));
        }
        return node;
    }

    private static String mask(Matcher m) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String s = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement("*".repeat(s.length() - 4) + s.substring(s.length() - 4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
