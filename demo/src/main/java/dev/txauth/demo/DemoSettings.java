package dev.txauth.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's server options, read once at start (docs/demo.md). Off unless {@code dev-server} is true, which only the dev
 * server does; when it is set, the rest must say "this machine": the backend's calls go to a loopback
 * {@code keycloak-url} over plain http (the dev server's own address), with the payment-service secret, or the
 * server refuses to start. The address is never taken from a request, so no Host header can send the secret elsewhere.
 *
 * @param smsOutbox the dev outbox file the page shows SMS from; empty when the server sends real SMS
 */
public record DemoSettings(boolean enabled, URI keycloakUrl, String clientSecret, Optional<Path> smsOutbox) {

    public static final String ENABLED = "dev-server";
    public static final String KEYCLOAK_URL = "keycloak-url";
    public static final String CLIENT_SECRET = "client-secret";
    public static final String SMS_OUTBOX_FILE = "sms-outbox-file";

    static final DemoSettings DISABLED = new DemoSettings(false, null, null, Optional.empty());
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** @throws IllegalStateException when enabled with anything but a loopback URL and a secret */
    public static DemoSettings of(boolean enabled, String keycloakUrl, String clientSecret, String smsOutboxFile) {
        if (!enabled) {
            return DISABLED;
        }
        URI url = loopbackUrl(keycloakUrl);
        if (clientSecret == null || clientSecret.isBlank()) {
            throw refused(CLIENT_SECRET + " (the payment-service client secret) is missing");
        }
        Optional<Path> outbox = smsOutboxFile == null || smsOutboxFile.isBlank()
                ? Optional.empty() : Optional.of(Path.of(smsOutboxFile.trim()));
        return new DemoSettings(true, url, clientSecret.trim(), outbox);
    }

    private static URI loopbackUrl(String value) {
        if (value == null || value.isBlank()) {
            throw refused(KEYCLOAK_URL + " is missing");
        }
        URI url;
        try {
            url = URI.create(value.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw refused(KEYCLOAK_URL + " is not a URL");
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equals(url.getScheme()) || !LOOPBACK_HOSTS.contains(host) || url.getRawPath() != null
                && !url.getRawPath().isEmpty() || url.getRawQuery() != null || url.getRawUserInfo() != null) {
            throw refused(KEYCLOAK_URL + " must be http://localhost:<port> (the dev server's own address), not "
                    + value);
        }
        return url;
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("txauth-demo is for the dev server only and stays off: " + why);
    }
}
