package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values a payment detail can hold: objects with members sorted by
 * UTF-16 code units, arrays, strings escaped as ECMAScript's JSON.stringify does, booleans, null and integers.
 * Fractional numbers are refused: details carry amounts as strings precisely so that no float formatting is involved.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 section 3.2.3 prescribes.
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(names.get(i), out);
                    out.append(':');
                    append(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> elements = node.elements();
                boolean first = true;
                while (elements.hasNext()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    append(elements.next(), out);
                }
                out.append(']');
            }
            case STRING -> appendString(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (!node.canConvertToExactIntegral() || !node.canConvertToLong()
                        || Math.abs(node.longValue()) > (1L << 53)) {
                    throw new IllegalArgumentException("Only integers up to 2^53 are canonicalized");
                }
                out.append(node.longValue());
            }
            default -> throw new IllegalArgumentException("Not JSON data: " + node.getNodeType());
        }
    }

    private static void appendString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
