package dev.txauth.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A token endpoint answer: the HTTP status and the JSON body, whichever it was. */
public record TokenResponse(int status, JsonNode body) {

    public boolean ok() {
        return status == 200;
    }

    public String accessToken() {
        return require("access_token");
    }

    public String refreshToken() {
        return require("refresh_token");
    }

    public String error() {
        return body.path("error").asText(null);
    }

    public JsonNode accessTokenClaims() {
        return Json.jwtClaims(accessToken());
    }

    private String require(String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalStateException("No " + field + " in token response " + status + ": " + body);
        }
        return body.get(field).asText();
    }
}
