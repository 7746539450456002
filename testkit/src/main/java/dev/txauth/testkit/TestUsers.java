package dev.txauth.testkit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh users per test through the admin REST API, so tests never share sessions, devices, lockouts or counters.
 * Users with TOTP get a realistic credential (the same JSON an export of a real enrolment contains).
 */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery-9";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private TestUsers() {
    }

    public static TestUser withPassword(TxauthServer server, String prefix) {
        return create(server, prefix, null, null);
    }

    /** A user with a password and this software passkey registered as a WebAuthn second factor (type webauthn). */
    public static TestUser withPasskey(TxauthServer server, String prefix, SoftwarePasskey passkey) {
        return create(server, prefix, null, passkey.keycloakCredential("webauthn", "test passkey"));
    }

    /** A user with a password and this credential as given (e.g. one migrated from another system). */
    public static TestUser withCredential(TxauthServer server, String prefix, Map<String, Object> credential) {
        return create(server, prefix, null, credential);
    }

    public static TestUser withOtp(TxauthServer server, String prefix) {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return create(server, prefix, secret.toString(), null);
    }

    private static TestUser create(TxauthServer server, String prefix, String otpSecret,
                                   Map<String, Object> extraCredential) {
        String username = prefix.toLowerCase() + "-" + System.currentTimeMillis() % 1_000_000 + "-"
                + COUNTER.incrementAndGet();
        List<Map<String, Object>> credentials = new ArrayList<>();
        credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
        if (otpSecret != null) {
            credentials.add(Map.of("type", "otp", "userLabel", "test phone",
                    "secretData", Json.write(Map.of("value", otpSecret)),
                    "credentialData", Json.write(Map.of("subType", "totp", "digits", 6, "counter", 0,
                            "period", Totp.PERIOD_SECONDS, "algorithm", "HmacSHA1"))));
        }
        if (extraCredential != null) {
            credentials.add(extraCredential);
        }
        AdminClient.Response created = server.admin().post("/admin/realms/" + TxauthServer.REALM + "/users", Map.of(
                "username", username, "enabled", true, "email", username + "@example.test", "emailVerified", true,
                "firstName", "Test", "lastName", "User", "credentials", credentials));
        if (created.status() != 201) {
            throw new IllegalStateException("Create user " + username + ": " + created.status() + " " + created.body());
        }
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, PASSWORD, otpSecret);
    }
}
