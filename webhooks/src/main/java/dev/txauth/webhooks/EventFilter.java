package dev.txauth.webhooks;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which event types an endpoint subscribed to (docs/api.md §11): audit type names as the audit trail writes them
 * ({@code TXAUTH_TRANSACTION_APPROVED}, {@code LOGIN_ERROR}, {@code ADMIN_CREATE_USER}), each exact or ending in
 * {@code *} (a prefix: {@code TXAUTH_TRANSACTION_*}; {@code *} alone is every event).
 */
public record EventFilter(List<String> patterns) {

    /** Upper-case letters, digits and underscores, optionally followed by one trailing {@code *}. */
    private static final Pattern VALID = Pattern.compile("[A-Z0-9_]{0,64}\\*?");
    public static final int MAX_PATTERNS = 100;

    public EventFilter {
        patterns = List.copyOf(patterns);
    }

    /** @return null if the pattern is acceptable, else why not */
    static String problem(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return "an event type must not be empty";
        }
        if (!VALID.matcher(pattern).matches()) {
            return "event type '" + shorten(pattern) + "' is not an audit type such as TXAUTH_TRANSACTION_APPROVED "
                    + "or a prefix ending in * such as TXAUTH_TRANSACTION_*";
        }
        return null;
    }

    public boolean matches(String type) {
        for (String p : patterns) {
            if (p.endsWith("*") ? type.startsWith(p.substring(0, p.length() - 1)) : type.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** The stored form: patterns never contain a comma (see {@link #problem}). */
    String stored() {
        return String.join(",", patterns);
    }

    static EventFilter ofStored(String stored) {
        return new EventFilter(stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(",")));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
