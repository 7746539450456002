package dev.txauth.audit;

/**
 * Makes an identifier safe to put in a log line: only {@code [A-Za-z0-9._:-]} pass, anything else becomes
 * {@code ?} and the result is cut at 64 characters, so a crafted value cannot forge a line or a field.
 */
final class LogSafe {

    private LogSafe() {
    }

    static String id(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 64));
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            out.append(safe ? c : '?');
        }
        return out.toString();
    }
}
