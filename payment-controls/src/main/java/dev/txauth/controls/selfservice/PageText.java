package dev.txauth.controls.selfservice;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the self-service page's placeholders ({@code {{txauthSelfServiceTitle}}}) with the messages of the user's
 * language, HTML-escaped, so the page is one static file and every word on it comes from the theme bundles
 * (docs/payment-controls.md "Self-service page"). The script's own words travel the same way, as {@code data-}
 * attributes, since the page allows no inline script. A placeholder without a message is a build defect, not a page
 * with a raw key on it: it throws.
 */
final class PageText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private PageText() {
    }

    /**
     * @param messages a message by key, null when the bundle has none
     * @param fixed    values that are not messages (e.g. {@code lang}), already safe for an attribute
     */
    static String fill(String template, Function<String, String> messages, Map<String, String> fixed) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 512);
        while (m.find()) {
            String key = m.group(1);
            String value = fixed.containsKey(key) ? escape(fixed.get(key)) : message(messages, key);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders a template uses (for the test that both bundles define each of them). */
    static Set<String> keys(String template) {
        Set<String> keys = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String message(Function<String, String> messages, String key) {
        String text = messages.apply(key);
        if (text == null) {
            throw new IllegalStateException("self-service page: no message " + key + " in theme txauth (account)");
        }
        return escape(text);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
