package dev.txauth.audit;

/**
 * One authenticated spool line: {@code <HMAC-SHA256 hex> <payload>}, the mac made with the audit key over the
 * payload. A line someone injected or edited in the spool directory (or a torn one) does not verify and is refused
 * instead of being chained as a genuine event; a plain checksum would not do, since anyone can recompute it.
 */
final class SpoolLine {

    private static final int MAC_HEX = 64;

    private SpoolLine() {
    }

    static String encode(AuditKey key, String payload) {
        return key.mac(payload) + " " + payload;
    }

    /** @return the payload, or null when the line is not authentic */
    static String verified(AuditKey key, String line) {
        if (line.length() <= MAC_HEX + 1 || line.charAt(MAC_HEX) != ' ') {
            return null;
        }
        String payload = line.substring(MAC_HEX + 1);
        return key.verifies(payload, line.substring(0, MAC_HEX)) ? payload : null;
    }
}
