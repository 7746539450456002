package dev.txauth.testkit.risk;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.Totp;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the device-risk stories share: browsers from distinct IPs, device rows, risk events, TOTP codes. */
public final class DeviceRiskSupport {

    public static final String DEVICE_COOKIE = "TXAUTH_DEVICE";
    public static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final AtomicBoolean EVENTS_STORED = new AtomicBoolean();

    private final TxauthServer server;

    public DeviceRiskSupport(TxauthServer server) {
        this.server = server;
        storeRiskEvents();
    }

    /** A random private IPv4 address, so IP-level counters of one test never touch another. */
    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    public AuthorizationClient browser(String ip) {
        return server.newBrowser().forwardedFor(ip).userAgent(FIREFOX_LINUX);
    }

    /** Authorization request + password; where the browser ends up. */
    public Page password(AuthorizationClient browser, TestUser user, Map<String, String> extra) {
        Page login = browser.authorize(browser.authorizationParameters(Pkce.s256(), extra));
        return browser.submitPassword(login, user.username(), user.password());
    }

    /** Full login that answers one OTP prompt with the code {@code stepOffset} time steps away from now. */
    public Page loginWithOtp(AuthorizationClient browser, TestUser user, int stepOffset) {
        Page afterPassword = password(browser, user, Map.of());
        assertTrue(afterPassword.form(AuthorizationClient.OTP_FORM).isPresent(), "expected the OTP step-up, got "
                + describe(afterPassword));
        Page done = browser.submitOtp(afterPassword, otp(user, stepOffset));
        assertTrue(done.isAppRedirect(), "expected the app redirect, got " + describe(done));
        assertTrue(done.appRedirectParameters().containsKey("code"), done.appRedirect().toString());
        return done;
    }

    /**
     * A TOTP code for the step {@code stepOffset} away from the current one. Keycloak accepts one step either side and
     * refuses a code already used, so a test that needs several second factors in one 30 s step uses 0, +1, -1.
     */
    public static String otp(TestUser user, int stepOffset) {
        long remaining = Totp.PERIOD_SECONDS - Instant.now().getEpochSecond() % Totp.PERIOD_SECONDS;
        if (remaining < 4 || (stepOffset < 0 && remaining > Totp.PERIOD_SECONDS - 4)) {
            sleep(remaining * 1000 + 300);
        }
        return Totp.code(user.otpSecret(), Instant.now().plusSeconds((long) Totp.PERIOD_SECONDS * stepOffset));
    }

    /**
     * Drops Keycloak's session cookies, keeps the device cookie: the next visit is a new login from the same device.
     * Waits out the realm's quick-login check (1 s) first: Keycloak's brute-force protection may answer
     * user_temporarily_disabled to attempts of one user a few milliseconds apart, which no real user makes.
     */
    public static void newLoginSameDevice(AuthorizationClient browser) {
        sleep(1_100);
        browser.cookies().keepOnly(DEVICE_COOKIE);
    }

    public List<Map<String, Object>> deviceRows(String userId) throws Exception {
        try (Connection c = server.openDatabase();
             PreparedStatement ps = c.prepareStatement("select * from txauth_device where user_id = ?")) {
            ps.setString(1, userId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes()));
    }

    /** Keycloak stores user events only when asked: store the txauth risk event types (others are unaffected). */
    private void storeRiskEvents() {
        if (EVENTS_STORED.getAndSet(true)) {
            return;
        }
        String path = "/admin/realms/" + TxauthServer.REALM + "/events/config";
        JsonNode config = server.admin().get(path).json();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("eventsEnabled", true);
        update.put("enabledEventTypes", List.of("CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR"));
        List<String> listeners = new ArrayList<>();
        config.path("eventsListeners").forEach(l -> listeners.add(l.asText()));
        update.put("eventsListeners", listeners);
        update.put("adminEventsEnabled", config.path("adminEventsEnabled").asBoolean());
        update.put("adminEventsDetailsEnabled", config.path("adminEventsDetailsEnabled").asBoolean());
        AdminClient.Response r = server.admin().put(path, update);
        assertEquals(204, r.status(), r.body());
    }

    /** The user's txauth events of one kind ({@code txauth_event} detail), newest first. */
    public List<JsonNode> txauthEvents(String userId, String txauthEvent) {
        JsonNode events = server.admin().get("/admin/realms/" + TxauthServer.REALM + "/events?user=" + userId
                + "&type=CUSTOM_REQUIRED_ACTION&type=CUSTOM_REQUIRED_ACTION_ERROR&max=100").json();
        List<JsonNode> matching = new ArrayList<>();
        events.forEach(e -> {
            if (txauthEvent.equals(e.path("details").path("txauth_event").asText())) {
                matching.add(e);
            }
        });
        return matching;
    }

    /** The newest risk decision recorded for the user. */
    public JsonNode lastDecision(String userId) {
        List<JsonNode> decisions = txauthEvents(userId, "risk_decision");
        assertTrue(!decisions.isEmpty(), "no risk_decision event for " + userId);
        return decisions.get(0).path("details");
    }

    public static String describe(Page page) {
        return page.describe();
    }

    public URI realmUri() {
        return URI.create(server.realmUrl() + "/");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
