package dev.txauth.testkit.users;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realm administrators as a bank would have them: ordinary users of the payments realm holding client roles of
 * {@code realm-management} ({@code view-events}, {@code view-users}, {@code manage-users}), and calls of the admin
 * REST with such a user's own token.
 */
public final class RealmAdmins {

    private static final String REALM_ADMIN = "/admin/realms/" + TxauthServer.REALM;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealmAdmins() {
    }

    /** Grants these realm-management roles to the user (fails the test if Keycloak refuses). */
    public static void grant(TxauthServer server, TestUser user, String... roles) {
        AdminClient admin = server.admin();
        String clientUuid = admin.get(REALM_ADMIN + "/clients?clientId=realm-management").json().get(0).get("id")
                .asText();
        List<JsonNode> representations = new ArrayList<>();
        for (String role : roles) {
            representations.add(admin.get(REALM_ADMIN + "/clients/" + clientUuid + "/roles/" + role).json());
        }
        AdminClient.Response granted = admin.post(REALM_ADMIN + "/users/" + user.id() + "/role-mappings/clients/"
                + clientUuid, representations);
        if (granted.status() != 204) {
            throw new IllegalStateException("Grant " + List.of(roles) + ": " + granted.status() + " " + granted.body());
        }
    }

    /**
     * The user's access token from a full mobile-app login (roles included: the realm's default scopes), with the app
     * that holds its DPoP key: the token is DPoP-bound, so only that app can present it (docs/api.md §8).
     */
    public static AppToken accessToken(TxauthServer server, TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        if (tokens.status() != 200) {
            throw new IllegalStateException("Login of " + user.username() + ": " + tokens.body());
        }
        return new AppToken(app, tokens.accessToken());
    }

    /** GET {@code /admin/realms/payments<path>} as the app holding this user token. */
    public static HttpResponse<String> get(TxauthServer server, AppToken token, String path) {
        return token.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + REALM_ADMIN + path)).GET());
    }

    /** GET {@code /admin<path>} with this bearer token. */
    public static HttpResponse<String> getAdmin(TxauthServer server, String bearer, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
                    .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
