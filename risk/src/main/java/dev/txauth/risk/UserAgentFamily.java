package dev.txauth.risk;

/**
 * A coarse, human-readable family for a User-Agent header ("Firefox on Linux"): stable across browser updates, so a
 * change means a different kind of device. It doubles as the device label shown to admins and in the alert email.
 */
public final class UserAgentFamily {

    private static final int MAX_OTHER_LENGTH = 32;

    private UserAgentFamily() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser on unknown OS";
        }
        return browser(userAgent) + " on " + os(userAgent);
    }

    private static String browser(String ua) {
        // Order matters: Edge and Opera also claim Chrome; Chrome also claims Safari.
        if (ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return other(ua);
    }

    private static String os(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return "unknown OS";
    }

    /** The product token ("Java-http-client"), restricted to safe characters: it ends up in HTML and emails. */
    private static String other(String ua) {
        String product = ua.trim().split("[/ ]", 2)[0];
        String safe = product.replaceAll("[^A-Za-z0-9._-]", "");
        if (safe.isEmpty()) {
            return "Unknown browser";
        }
        return safe.length() > MAX_OTHER_LENGTH ? safe.substring(0, MAX_OTHER_LENGTH) : safe;
    }
}
