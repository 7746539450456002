package dev.txauth.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Keycloak's admin REST API as the bootstrap admin (master realm, {@code admin-cli}), for arranging test state the way
 * an administrator would in the admin console.
 */
public final class AdminClient {

    public static final String REALM = "payments";

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = Http.client();
    private String token;
    private long tokenExpiresAt;

    public AdminClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** A raw admin REST response. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : Json.write(body))));
    }

    /** A body sent exactly as given (malformed or oversized JSON, for the refusals). */
    public Response postRaw(String path, String rawBody) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** What the admin console's "Sign out" on a user does. */
    public void logoutUser(String userId) {
        Response r = post("/admin/realms/" + REALM + "/users/" + userId + "/logout", null);
        if (r.status() != 204) {
            throw new IllegalStateException("Logout user: " + r.status() + " " + r.body());
        }
    }

    public JsonNode serverInfo() {
        return get("/admin/serverinfo").json();
    }

    /** A bearer token of the bootstrap admin, refreshed when near expiry. */
    public synchronized String accessToken() {
        if (token == null || System.currentTimeMillis() > tokenExpiresAt) {
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(Map.of("grant_type", "password",
                            "client_id", "admin-cli", "username", username, "password", password)))));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Admin login failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode json = Json.parse(response.body());
            token = json.get("access_token").asText();
            tokenExpiresAt = System.currentTimeMillis() + (json.get("expires_in").asLong() - 10) * 1000;
        }
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + accessToken());
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        return new Response(response.statusCode(), response.body(), response);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        return Http.send(http, request);
    }
}
