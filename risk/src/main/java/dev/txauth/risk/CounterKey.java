package dev.txauth.risk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One counted subject: a kind and who or where it counts. Client addresses count by {@link NetworkPrefix#source}
 * (IPv6 per /64); anything that is not an IP literal — an odd forwarded value, or none — counts as given, hashed when
 * long so a forged header cannot bloat a row. An account counts by its user id; a username that names no account
 * counts by its SHA-256, so attempted usernames (sometimes a password typed into the wrong field) are never stored.
 *
 * @param kind    what is counted
 * @param subject the stored subject, at most {@link #MAX_SUBJECT} characters
 */
public record CounterKey(CounterKind kind, String subject) {

    static final int MAX_SUBJECT = 160;
    private static final int MAX_SOURCE = 64;
    static final String NO_ADDRESS = "unknown";

    public static CounterKey ipFailures(String ip) {
        return new CounterKey(CounterKind.IP_FAILURES, source(ip));
    }

    /**
     * @param userId   the account the username named, or null when it named none
     * @param username what was typed, used only when {@code userId} is null
     */
    public static CounterKey ipUserFailures(String ip, String userId, String username) {
        return new CounterKey(CounterKind.IP_USER_FAILURES, source(ip) + '|' + account(userId, username));
    }

    public static CounterKey userFailures(String userId) {
        return new CounterKey(CounterKind.USER_FAILURES, userId);
    }

    public static CounterKey userLogins(String userId) {
        return new CounterKey(CounterKind.USER_LOGINS, userId);
    }

    private static String source(String ip) {
        String source = ip == null || ip.isBlank() ? NO_ADDRESS : NetworkPrefix.source(ip.trim());
        return source.length() > MAX_SOURCE ? "sha256:" + sha256(source) : source;
    }

    private static String account(String userId, String username) {
        if (userId != null) {
            return userId;
        }
        String typed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "name:" + sha256(typed);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
