package dev.txauth.it;

import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device admin API: list and forget, guarded by Keycloak's admin roles, scoped to the realm. */
@TxauthKeycloakTest
class DeviceAdminIT {

    private static final String BASE = "/admin/realms/payments/txauth-devices/users/";

    private final TxauthServer server;
    private final DeviceRiskSupport risk;

    DeviceAdminIT(TxauthServer server, DeviceRiskSupport risk) {
        this.server = server;
        this.risk = risk;
    }

    @Test
    void listsDevicesWithoutTheirHashAndForgetsOne(@WithTotp TestUser user) throws Exception {
        String ip = randomIp();
        risk.loginWithOtp(risk.browser(ip), user, 0);
        DeviceRiskSupport.sleep(1_100);   // beyond the realm's quick-login check, see newLoginSameDevice
        risk.loginWithOtp(risk.browser(ip).userAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"), user, 1);

        AdminClient.Response list = server.admin().get(BASE + user.id());
        assertEquals(200, list.status(), list.body());
        assertTrue(list.json().get(0).path("bound").asBoolean(), "the bound phone comes first (docs/api.md §8)");
        List<JsonNode> devices = browserDevices(user);
        assertEquals(2, devices.size());
        assertEquals("Safari on iOS", devices.get(0).path("label").asText(), "most recently seen first");
        assertEquals("Firefox on Linux", devices.get(1).path("label").asText());
        for (JsonNode d : devices) {
            assertEquals(ip, d.path("lastIp").asText());
            assertFalse(d.path("trustedAt").isNull());
            assertFalse(d.has("deviceHash") || d.has("hash"));
        }
        for (Map<String, Object> row : risk.deviceRows(user.id())) {
            assertFalse(list.body().contains(String.valueOf(row.get("device_hash")).trim()), "hash leaked");
        }

        String id = devices.get(1).path("id").asText();
        assertEquals(204, server.admin().delete(BASE + user.id() + "/devices/" + id).status());
        assertEquals(404, server.admin().delete(BASE + user.id() + "/devices/" + id).status(), "already forgotten");
        assertEquals(1, browserDevices(user).size());
        assertEquals(1, risk.txauthEvents(user.id(), "device_forgotten").size());
    }

    @Test
    void unknownUserOrDeviceIs404(@WithTotp TestUser user) {
        assertEquals(200, server.admin().get(BASE + user.id()).status());
        assertEquals(List.of(), browserDevices(user));
        assertEquals(404, server.admin().get(BASE + "no-such-user").status());
        assertEquals(404, server.admin().delete(BASE + user.id() + "/devices/no-such-device").status());
    }

    @Test
    void anotherRealmsUserIs404() {
        AdminClient.Response created = server.admin().post("/admin/realms/master/users", Map.of(
                "username", "elsewhere-" + System.nanoTime(), "enabled", true));
        assertEquals(201, created.status(), created.body());
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String masterUserId = location.substring(location.lastIndexOf('/') + 1);
        try {
            assertEquals(404, server.admin().get(BASE + masterUserId).status());
            assertEquals(404, server.admin().delete(BASE + masterUserId + "/devices/x").status());
        } finally {
            server.admin().delete("/admin/realms/master/users/" + masterUserId);
        }
    }

    @Test
    void withoutViewUsersIs403AndWithoutManageUsersForgetIs403(@WithTotp TestUser target) {
        risk.loginWithOtp(risk.browser(randomIp()), target, 0);
        String deviceId = browserDevices(target).get(0).path("id").asText();

        TestUser nobody = TestUsers.withOtp(server, "norole");
        AppToken noRoleToken = accessToken(nobody);
        assertEquals(403, call("GET", BASE + target.id(), noRoleToken));
        assertEquals(403, call("GET", BASE + "no-such-user", noRoleToken), "403 before 404: nothing learned");
        assertEquals(403, call("DELETE", BASE + target.id() + "/devices/" + deviceId, noRoleToken));
        assertEquals(401, call("GET", BASE + target.id(), null));

        TestUser viewer = TestUsers.withOtp(server, "viewer");
        grantRealmManagementRole(viewer, "view-users");
        AppToken viewerToken = accessToken(viewer);
        assertEquals(200, call("GET", BASE + target.id(), viewerToken));
        assertEquals(403, call("DELETE", BASE + target.id() + "/devices/" + deviceId, viewerToken));
        assertEquals(1, browserDevices(target).size(), "nothing was forgotten");

        TestUser manager = TestUsers.withOtp(server, "manager");
        grantRealmManagementRole(manager, "manage-users");
        assertEquals(204, call("DELETE", BASE + target.id() + "/devices/" + deviceId, accessToken(manager)));
    }

    /** The browsers the user passed a second factor on (the cookie devices of docs/api.md §6), not the bound phone. */
    private List<JsonNode> browserDevices(TestUser user) {
        List<JsonNode> devices = new ArrayList<>();
        server.admin().get(BASE + user.id()).json().forEach(d -> {
            if (!d.path("bound").asBoolean()) {
                devices.add(d);
            }
        });
        return devices;
    }

    private AppToken accessToken(TestUser user) {
        AuthorizationClient app = risk.browser(randomIp());
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of());
        return new AppToken(app, app.tokens().exchangeCode(done.code(), pkce).accessToken());
    }

    /** A call with the user's own DPoP-bound token as the app sends it, or ({@code null}) with none. */
    private int call(String method, String path, AppToken token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = token == null ? server.newBrowser().send(request) : token.send(request);
        return response.statusCode();
    }

    private void grantRealmManagementRole(TestUser user, String roleName) {
        AdminClient admin = server.admin();
        String clientUuid = admin.get("/admin/realms/payments/clients?clientId=realm-management").json().get(0)
                .path("id").asText();
        JsonNode role = admin.get("/admin/realms/payments/clients/" + clientUuid + "/roles/" + roleName).json();
        AdminClient.Response r = admin.post("/admin/realms/payments/users/" + user.id() + "/role-mappings/clients/"
                + clientUuid, List.of(Map.of("id", role.path("id").asText(), "name", roleName)));
        assertEquals(204, r.status(), r.body());
    }
}
