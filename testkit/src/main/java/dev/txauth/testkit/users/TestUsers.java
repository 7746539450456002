package dev.txauth.testkit.users;

import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.database.KeycloakTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.TxauthServer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh users per test through the admin REST API, so tests never share sessions, devices, lockouts or counters.
 * Users with TOTP get a realistic credential (the same JSON an export of a real enrolment contains); users with a
 * passkey get a {@link SoftwarePasskey} registered as WebAuthn second factor; users with a phone get the OIDC
 * {@code phone_number} / {@code phone_number_verified} attributes.
 * <p>
 * By default a user is an <em>established customer</em> (docs/api.md §8): the account was opened 30 days ago and the
 * app on the test phone ({@link DpopKey#TEST_PHONE}) was bound 30 days ago, so the cooling period is over and a login
 * from that phone meets no bind page. {@link #newAccount()} gives a customer who has just signed up: no bound phone,
 * account created now, the cooling period ahead.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery-9";
    /** The number {@link WithPhone} gives by default: a Nigerian mobile number, E.164. */
    public static final String DEFAULT_PHONE = "+2348031234567";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final TxauthServer server;
    private final String prefix;
    private String otpSecret;
    private SoftwarePasskey passkey;
    private String phoneNumber;
    private boolean phoneVerified;
    private Map<String, Object> passkeyCredential;
    private boolean newAccount;

    private TestUsers(TxauthServer server, String prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    /** A user with a password only, unless the builder adds factors. */
    public static TestUsers user(TxauthServer server, String prefix) {
        return new TestUsers(server, prefix);
    }

    public static TestUser withPassword(TxauthServer server, String prefix) {
        return user(server, prefix).create();
    }

    /** A user with a password and this software passkey registered as a WebAuthn second factor (type webauthn). */
    public static TestUser withPasskey(TxauthServer server, String prefix, SoftwarePasskey passkey) {
        return user(server, prefix).passkey(passkey).create();
    }

    public static TestUser withOtp(TxauthServer server, String prefix) {
        return user(server, prefix).totp().create();
    }

    /** Adds an authenticator app with a fresh random secret. */
    public TestUsers totp() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        otpSecret = secret.toString();
        return this;
    }

    public TestUsers passkey(SoftwarePasskey key) {
        return passkey(key, key.keycloakCredential("webauthn", "test passkey"));
    }

    /**
     * Adds this passkey, stored as the given admin-REST credential representation (e.g. the way another system that
     * it was migrated from encoded it).
     */
    public TestUsers passkey(SoftwarePasskey key, Map<String, Object> storedAs) {
        passkey = key;
        passkeyCredential = storedAs;
        return this;
    }

    /** A customer who has just opened the account: no bound phone yet, the cooling period starts now. */
    public TestUsers newAccount() {
        newAccount = true;
        return this;
    }

    /** Adds {@code phone_number} (E.164) and {@code phone_number_verified}. */
    public TestUsers phone(String e164, boolean verified) {
        if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("Not an E.164 number: " + e164);
        }
        phoneNumber = e164;
        phoneVerified = verified;
        return this;
    }

    public TestUser create() {
        String username = prefix.toLowerCase() + "-" + System.currentTimeMillis() % 1_000_000 + "-"
                + COUNTER.incrementAndGet();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@example.test");
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", "User");
        user.put("credentials", credentials());
        if (phoneNumber != null) {
            PhoneAttributes.declare(server);
            user.put("attributes", Map.of(PHONE_NUMBER, List.of(phoneNumber),
                    PHONE_NUMBER_VERIFIED, List.of(Boolean.toString(phoneVerified))));
        }
        AdminClient.Response created = server.admin().post("/admin/realms/" + TxauthServer.REALM + "/users", user);
        if (created.status() != 201) {
            throw new IllegalStateException("Create user " + username + ": " + created.status() + " " + created.body());
        }
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (!newAccount) {
            establish(id);
        }
        return new TestUser(id, username, PASSWORD, otpSecret, passkey, phoneNumber);
    }

    /** Backdates the account and binds the user's phone key 30 days ago (see the class comment). */
    private void establish(String userId) {
        long monthAgo = System.currentTimeMillis() - Duration.ofDays(30).toMillis();
        KeycloakTables tables = new KeycloakTables(server);
        tables.update("UPDATE user_entity SET created_timestamp = ? WHERE id = ?", monthAgo, userId);
        tables.update("INSERT INTO txauth_device_binding (realm_id, user_id, id, jkt, bound_at)"
                + " SELECT r.id, ?, ?, ?, ? FROM realm r WHERE r.name = ?", userId, UUID.randomUUID().toString(),
                DpopKey.TEST_PHONE.thumbprint(), new Timestamp(monthAgo), TxauthServer.REALM);
        // Keycloak caches the user it just created: read the backdated row from the database again.
        AdminClient.Response cleared = server.admin().post("/admin/realms/" + TxauthServer.REALM
                + "/clear-user-cache", null);
        if (cleared.status() != 204) {
            throw new IllegalStateException("clear-user-cache: " + cleared.status());
        }
    }

    private List<Map<String, Object>> credentials() {
        List<Map<String, Object>> credentials = new ArrayList<>();
        credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
        if (otpSecret != null) {
            credentials.add(Map.of("type", "otp", "userLabel", "test phone",
                    "secretData", Json.write(Map.of("value", otpSecret)),
                    "credentialData", Json.write(Map.of("subType", "totp", "digits", 6, "counter", 0,
                            "period", Totp.PERIOD_SECONDS, "algorithm", "HmacSHA1"))));
        }
        if (passkey != null) {
            credentials.add(passkeyCredential);
        }
        return credentials;
    }
}
