package dev.txauth.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The dev server's changes to the payments realm at start, through the admin REST as the bootstrap admin: what only a
 * dev run wants (SMTP to the dev outbox, the demo's redirect URI) and so is not in the realm file.
 */
final class DevRealmAdmin {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM_PATH = "/admin/realms/payments";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    private DevRealmAdmin(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static DevRealmAdmin signIn(String baseUrl, String adminUser, String adminPassword) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8))).build();
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), request);
        JsonNode token = parse(answer.body()).path("access_token");
        if (answer.statusCode() != 200 || !token.isTextual()) {
            throw new IllegalStateException("Dev setup: admin login failed (" + answer.statusCode() + ")");
        }
        return new DevRealmAdmin(baseUrl, token.asText());
    }

    /** GET {@code /admin/realms/payments<path>} as JSON. */
    JsonNode get(String path) {
        HttpResponse<String> answer = send(http, request(path).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Dev setup: GET " + path + " answered " + answer.statusCode());
        }
        return parse(answer.body());
    }

    /** PUT {@code /admin/realms/payments<path>} with a (partial) representation; 204 expected. */
    void put(String path, JsonNode body, String what) {
        HttpResponse<String> answer = send(http, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("Dev setup: " + what + " not saved (" + answer.statusCode() + ")");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + REALM_PATH + path)).header("Authorization",
                "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
