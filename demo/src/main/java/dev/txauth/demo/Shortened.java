package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the demo page may show of a token or secret: a token keeps its first 12 and last 6 characters (enough to tell
 * two apart, never enough to use one); a secret is replaced entirely. Applied to every request and response the
 * backend reports to the page.
 */
final class Shortened {

    static final String HIDDEN = "•••••• (kept by the backend)";
    private static final Set<String> TOKEN_MEMBERS = Set.of("access_token", "refresh_token", "id_token");
    private static final Set<String> SECRET_MEMBERS = Set.of("client_secret", "secret", "password");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    private Shortened() {
    }

    static String token(String token) {
        if (token == null || token.length() <= 24) {
            return "…";
        }
        return token.substring(0, 12) + "…" + token.substring(token.length() - 6);
    }

    /** Every JWT-looking text anywhere in the string shortened. */
    static String text(String text) {
        return JWT.matcher(text).replaceAll(m -> token(m.group()));
    }

    /** A copy of the JSON with token members and JWT-looking strings shortened, secret members hidden. */
    static JsonNode json(JsonNode node) {
        JsonNode copy = node.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    String value = field.getValue().asText();
                    field.setValue(new TextNode(SECRET_MEMBERS.contains(field.getKey()) ? HIDDEN
                            : TOKEN_MEMBERS.contains(field.getKey()) ? token(value) : text(value)));
                } else {
                    walk(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(text(array.get(i).asText())));
                } else {
                    walk(array.get(i));
                }
            }
        }
    }
}
