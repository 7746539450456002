package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin (or a config-as-code script) reads and changes the realm's txauth settings (docs/api.md §8); the admin
 * console's txauth-settings tab edits the same stored component; bad input changes nothing; every change is audited.
 */
@TxauthKeycloakTest
class TxauthSettingsIT {

    static final String SETTINGS = "/admin/realms/payments/txauth-settings";
    static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    static final String DEFAULTS = "{\"cooling_period_hours\":24,\"cooling_period_limits\":{\"NGN\":\"20000.00\"},"
            + "\"regulatory_caps\":{\"NGN\":\"25000000.00\"},\"daily_limit_zone\":\"Africa/Lagos\","
            + "\"fresh_mfa_seconds\":300,"
            + "\"sms\":{\"resend_cooldown_seconds\":30,\"sends_per_transaction\":3,\"per_user_per_hour\":5,"
            + "\"per_destination_per_day\":10,\"code_length\":6,\"code_lifetime_seconds\":300},"
            + "\"throttle\":{\"per_ip_and_username\":5,\"per_ip\":100,\"window_minutes\":15}}";

    private final TxauthServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TxauthSettingsIT(TxauthServer server) {
        this.server = server;
    }

    /** Each story starts from a realm where nobody has saved settings: no component. */
    @BeforeEach
    void forgetSavedSettings() {
        component().ifPresent(c -> assertEquals(204,
                admin().delete("/admin/realms/payments/components/" + c.path("id").asText()).status()));
    }

    @Test
    void answersEveryDefaultBeforeAnythingIsSaved() {
        AdminClient.Response get = admin().get(SETTINGS);
        assertEquals(200, get.status(), get.body());
        assertEquals(Json.parse(DEFAULTS), get.json());
        assertEquals("no-store", get.raw().headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void partialPutChangesOnlyTheKeysItNames() {
        HttpResponse<String> put = send("PUT", SETTINGS, adminToken(),
                "{\"cooling_period_hours\":48,\"sms\":{\"code_length\":8},\"cooling_period_limits\":{\"NGN\":\"15000.50\"}}");
        assertEquals(200, put.statusCode(), put.body());

        ObjectNode expected = (ObjectNode) Json.parse(DEFAULTS);
        expected.put("cooling_period_hours", 48);
        ((ObjectNode) expected.get("sms")).put("code_length", 8);
        ((ObjectNode) expected.get("cooling_period_limits")).put("NGN", "15000.50");
        assertEquals(expected, Json.parse(put.body()));
        assertEquals(expected, admin().get(SETTINGS).json(), "what the next reader sees");

        assertEquals(200, send("PUT", SETTINGS, adminToken(), "{\"throttle\":{\"per_ip\":50}}").statusCode());
        ((ObjectNode) expected.get("throttle")).put("per_ip", 50);
        assertEquals(expected, admin().get(SETTINGS).json(), "the earlier change stays");
    }

    @Test
    void badInputIs400NamingTheKeyAndChangesNothing() {
        assertEquals(200, send("PUT", SETTINGS, adminToken(), "{\"cooling_period_hours\":12}").statusCode());
        JsonNode before = admin().get(SETTINGS).json();
        String storedBefore = component().orElseThrow().path("config").toString();

        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"cooling_hours\":24}", "\"cooling_hours\" is not a txauth setting");
        bad.put("{\"cooling_period_hours\":", "not valid JSON");
        bad.put("not json at all", "not valid JSON");
        bad.put("{\"cooling_period_hours\":\"24\"}", "cooling_period_hours: must be a whole number");
        bad.put("{\"cooling_period_hours\":0}", "cooling_period_hours: must be from 1 to 720");
        bad.put("{\"cooling_period_hours\":1000000}", "cooling_period_hours: must be from 1 to 720");
        bad.put("{\"fresh_mfa_seconds\":-1}", "fresh_mfa_seconds: must be from 30 to 3600");
        bad.put("{\"cooling_period_limits\":{\"NGN\":\"-5.00\"}}", "cooling_period_limits: \"NGN\" must be a decimal");
        bad.put("{\"cooling_period_limits\":{\"NGN\":\"1.234\"}}", "more than 2 decimal places");
        bad.put("{\"cooling_period_limits\":{\"NGN\":20000}}", "must be a decimal string");
        bad.put("{\"regulatory_caps\":{\"ZZZ\":\"1.00\"}}", "\"ZZZ\" is not an ISO 4217 currency code");
        bad.put("{\"regulatory_caps\":{\"NGN\":\"99999999999999999\"}}", "at most 13 digits");
        bad.put("{\"cooling_period_hours\":6,\"sms\":{\"code_length\":3}}", "sms.code_length: must be from 6 to 10");
        bad.put("{\"<img src=x onerror=alert(1)>\":1}", "a key that is not a setting name");
        bad.put("{\"cooling_period_hours\":\"24; DROP TABLE component; --\"}", "cooling_period_hours");
        bad.put("{\"regulatory_caps\":{\"NGN' OR '1'='1\":\"1.00\"}}", "a key that is not a setting name");
        bad.put("{\"daily_limit_zone\":\"../../etc/passwd\"}", "daily_limit_zone: must be a time-zone name");
        bad.put("{\"fresh_mfa_seconds\":60,\"fresh_mfa_seconds\":90}", "repeats a key");
        bad.put("{\"throttle\":{\"per_ip\":5,\"\\u0000\":1}}", "a key that is not a setting name");
        bad.put("{\"sms\":{\"code_length\":8,\"pad\":\"" + "x".repeat(20_000) + "\"}}", "larger than 16 KiB");
        bad.put("", "must be a JSON object");
        for (Map.Entry<String, String> input : bad.entrySet()) {
            HttpResponse<String> put = send("PUT", SETTINGS, adminToken(), input.getKey());
            String what = abbreviate(input.getKey());
            assertEquals(400, put.statusCode(), what + " -> " + put.body());
            JsonNode error = Json.parse(put.body());
            assertEquals("invalid_request", error.path("error").asText(), what);
            String description = error.path("error_description").asText();
            assertTrue(description.contains(input.getValue()), what + " -> " + description);
            assertFalse(description.contains("<") || description.contains("'") || description.contains("\u0000"),
                    "nothing of the input reflected: " + description);
            assertEquals(before, admin().get(SETTINGS).json(), "unchanged after " + what);
        }
        assertEquals(storedBefore, component().orElseThrow().path("config").toString(), "stored component unchanged");
    }

    @Nested
    class WhoMay {

        @Test
        void aRealmUserWithoutAdminRolesMayNeitherReadNorChange() {
            AppToken token = userToken(TestUsers.withOtp(server, "settings-nobody"), List.of());
            assertEquals(403, send("GET", SETTINGS, token, null).statusCode());
            assertEquals(403, send("PUT", SETTINGS, token, "{\"cooling_period_hours\":1}").statusCode());
            assertEquals(401, send("GET", SETTINGS, (String) null, null).statusCode());
            assertEquals(401, send("PUT", SETTINGS, (String) null, "{\"cooling_period_hours\":1}").statusCode());
            assertEquals(Json.parse(DEFAULTS), admin().get(SETTINGS).json());
        }

        @Test
        void viewRealmReadsButOnlyManageRealmChanges() {
            AppToken viewer = userToken(TestUsers.withOtp(server, "settings-viewer"), List.of("view-realm"));
            assertEquals(200, send("GET", SETTINGS, viewer, null).statusCode());
            assertEquals(403, send("PUT", SETTINGS, viewer, "{\"cooling_period_hours\":1}").statusCode());
            assertEquals(Json.parse(DEFAULTS), admin().get(SETTINGS).json(), "the viewer changed nothing");

            AppToken manager = userToken(TestUsers.withOtp(server, "settings-manager"), List.of("manage-realm"));
            HttpResponse<String> put = send("PUT", SETTINGS, manager, "{\"cooling_period_hours\":2}");
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(2, admin().get(SETTINGS).json().path("cooling_period_hours").asInt());
        }
    }

    @Nested
    class AdminConsoleTab {

        @Test
        void serverOffersTheConsoleTabWithEverySettingAndItsDefault() {
            JsonNode tabs = admin().serverInfo().path("componentTypes").path(TAB_TYPE);
            JsonNode tab = null;
            for (JsonNode t : tabs) {
                if ("txauth-settings".equals(t.path("id").asText())) {
                    tab = t;
                }
            }
            assertTrue(tab != null, "declarative UI tab registered: " + tabs);
            assertEquals("/:realm/realm-settings/:tab", tab.path("metadata").path("path").asText());
            assertEquals("txauth-settings", tab.path("metadata").path("params").path("tab").asText());
            Map<String, String> defaults = new java.util.HashMap<>();
            for (JsonNode p : tab.path("properties")) {
                defaults.put(p.path("name").asText(), p.path("defaultValue").asText());
            }
            assertEquals("24", defaults.get("cooling-period-hours"));
            assertEquals("[{\"key\":\"NGN\",\"value\":\"20000.00\"}]", defaults.get("cooling-period-limits"));
            assertEquals("6", defaults.get("sms-code-length"));
            assertEquals(14, defaults.size());
        }

        @Test
        void whatTheConsoleSavesIsWhatTheApiReadsAndTheReverse() {
            String realmId = admin().get("/admin/realms/payments").json().path("id").asText();
            // The console's first save creates the component, with its route parameters mixed into the config.
            Map<String, Object> created = Map.of("providerId", "txauth-settings", "providerType", TAB_TYPE,
                    "parentId", realmId, "config", Map.of("cooling-period-hours", List.of("36"),
                            "regulatory-caps", List.of("[{\"key\":\"NGN\",\"value\":\"5000000.00\"}]"),
                            "realm", List.of("payments"), "tab", List.of("txauth-settings")));
            AdminClient.Response create = admin().post("/admin/realms/payments/components", created);
            assertEquals(201, create.status(), create.body());
            JsonNode api = admin().get(SETTINGS).json();
            assertEquals(36, api.path("cooling_period_hours").asInt());
            assertEquals("5000000.00", api.path("regulatory_caps").path("NGN").asText());
            assertEquals(300, api.path("fresh_mfa_seconds").asInt(), "unsaved keys are defaults");

            assertEquals(200, send("PUT", SETTINGS, adminToken(), "{\"fresh_mfa_seconds\":120}").statusCode());
            JsonNode stored = component().orElseThrow();
            assertEquals(1, components().size(), "the API wrote the console's component, no second one");
            assertEquals("120", stored.path("config").path("fresh-mfa-seconds").get(0).asText());
            assertEquals("36", stored.path("config").path("cooling-period-hours").get(0).asText());

            // The console edits it again: the form posts the whole component back.
            ObjectNode edited = stored.deepCopy();
            ((ObjectNode) edited.get("config")).putArray("cooling-period-hours").add("6");
            AdminClient.Response update = admin().put("/admin/realms/payments/components/" + stored.path("id").asText(),
                    edited);
            assertEquals(204, update.status(), update.body());
            assertEquals(6, admin().get(SETTINGS).json().path("cooling_period_hours").asInt());
        }

        @Test
        void aRealmAdminChangesASettingOnTheTabInChromiumAndTheApiReadsIt() {
            TestUser realmAdmin = TestUsers.withOtp(server, "console-admin");
            grantRealmManagementRole(realmAdmin, "view-realm");
            grantRealmManagementRole(realmAdmin, "manage-realm");
            try (ChromeBrowser chrome = ChromeBrowser.start()) {
                chrome.open(server.baseUrl() + "/admin/payments/console/#/payments/realm-settings/txauth-settings");
                WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(60));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                        .sendKeys(realmAdmin.username());
                chrome.driver().findElement(By.id("password")).sendKeys(realmAdmin.password());
                chrome.driver().findElement(By.id("kc-login")).click();
                By hours = By.cssSelector("input[data-testid='cooling-period-hours']");
                chrome.answerOtpIfAsked(realmAdmin, hours);

                WebElement field = chrome.awaitClickable(hours);
                assertEquals("24", field.getAttribute("value"), "the form shows the default");
                field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9");
                chrome.screenshot(PasskeyRegistrationIT.SCREENSHOTS.resolve("admin-console-txauth-settings.png"));
                chrome.awaitClickable(By.cssSelector("button[data-testid='save']")).click();

                long deadline = System.currentTimeMillis() + 30_000;
                int saved = 0;
                while (saved != 9 && System.currentTimeMillis() < deadline) {
                    AuditTable.sleep(250);
                    saved = admin().get(SETTINGS).json().path("cooling_period_hours").asInt();
                }
                assertEquals(9, saved, "the API reads what the console saved; page shows:\n" + chrome.visibleText());
                assertEquals(1, components().size());
            }
        }

        @Test
        void theConsoleIsHeldToTheSameValidation() {
            assertEquals(200, send("PUT", SETTINGS, adminToken(), "{\"cooling_period_hours\":10}").statusCode());
            JsonNode stored = component().orElseThrow();
            JsonNode before = admin().get(SETTINGS).json();
            for (Map.Entry<String, String> bad : Map.of("cooling-period-hours", "0",
                    "cooling-period-limits", "[{\"key\":\"NGN\",\"value\":\"1.001\"}]",
                    "sms-code-length", "x").entrySet()) {
                ObjectNode edited = stored.deepCopy();
                ((ObjectNode) edited.get("config")).putArray(bad.getKey()).add(bad.getValue());
                AdminClient.Response update = admin().put("/admin/realms/payments/components/"
                        + stored.path("id").asText(), edited);
                assertEquals(400, update.status(), bad + " -> " + update.body());
                assertEquals(before, admin().get(SETTINGS).json(), "unchanged after " + bad);
            }
            // Keycloak itself drops config keys the tab does not declare from a console update.
            ObjectNode unknownKey = stored.deepCopy();
            ((ObjectNode) unknownKey.get("config")).putArray("colour").add("red");
            assertEquals(204, admin().put("/admin/realms/payments/components/" + stored.path("id").asText(),
                    unknownKey).status());
            assertFalse(component().orElseThrow().path("config").has("colour"));
            assertEquals(before, admin().get(SETTINGS).json());

            Map<String, Object> second = Map.of("providerId", "txauth-settings", "providerType", TAB_TYPE,
                    "parentId", stored.path("parentId").asText(), "config", Map.of());
            assertEquals(400, admin().post("/admin/realms/payments/components", second).status(), "one per realm");
            assertEquals(1, components().size());
        }
    }

    @Test
    void everyChangeIsAnAdminEventInTheAuditTrail() {
        AuditTable audit = new AuditTable(server);
        String count = "SELECT count(*) AS n FROM txauth_audit_event WHERE type = 'ADMIN_UPDATE_TXAUTH_SETTINGS' "
                + "AND kind = 'ADMIN' AND resource_path = 'txauth-settings'";
        long before = Long.parseLong(String.valueOf(audit.query(count).get(0).get("n")));
        HttpResponse<String> put = send("PUT", SETTINGS, adminToken(), "{\"cooling_period_hours\":30}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(400, send("PUT", SETTINGS, adminToken(), "{\"cooling_period_hours\":0}").statusCode());

        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        long after = before;
        while (after == before && System.currentTimeMillis() < deadline) {
            AuditTable.sleep(250);
            after = Long.parseLong(String.valueOf(audit.query(count).get(0).get("n")));
        }
        AuditTable.sleep(1_000);   // a second row (for the refused change) would be written by now
        assertEquals(before + 1, Long.parseLong(String.valueOf(audit.query(count).get(0).get("n"))),
                "one audit row for the change, none for the refused one");
    }

    private AdminClient admin() {
        return server.admin();
    }

    private String adminToken() {
        return admin().accessToken();
    }

    private java.util.Optional<JsonNode> component() {
        List<JsonNode> all = components();
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
    }

    private List<JsonNode> components() {
        String realmId = admin().get("/admin/realms/payments").json().path("id").asText();
        JsonNode list = admin().get("/admin/realms/payments/components?parent=" + realmId + "&type=" + TAB_TYPE).json();
        List<JsonNode> ours = new java.util.ArrayList<>();
        list.forEach(c -> {
            if ("txauth-settings".equals(c.path("providerId").asText())) {
                ours.add(c);
            }
        });
        return ours;
    }

    private AppToken userToken(TestUser user, List<String> realmManagementRoles) {
        for (String role : realmManagementRoles) {
            grantRealmManagementRole(user, role);
        }
        var app = server.newBrowser().forwardedFor(DeviceRiskSupport.randomIp());
        Pkce pkce = Pkce.s256();
        return new AppToken(app, app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce).accessToken());
    }

    private void grantRealmManagementRole(TestUser user, String roleName) {
        String clientUuid = admin().get("/admin/realms/payments/clients?clientId=realm-management").json().get(0)
                .path("id").asText();
        JsonNode role = admin().get("/admin/realms/payments/clients/" + clientUuid + "/roles/" + roleName).json();
        AdminClient.Response r = admin().post("/admin/realms/payments/users/" + user.id() + "/role-mappings/clients/"
                + clientUuid, List.of(Map.of("id", role.path("id").asText(), "name", roleName)));
        assertEquals(204, r.status(), r.body());
    }

    /** A user's own (DPoP-bound) token, sent as the app sends it. */
    private HttpResponse<String> send(String method, String path, AppToken token, String body) {
        return token.send(request(method, path, body));
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = request(method, path, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
