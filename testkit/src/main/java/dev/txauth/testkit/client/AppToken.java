package dev.txauth.testkit.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A user's access token together with the app instance that holds its DPoP key: a mobile-app token is DPoP-bound
 * (docs/api.md §8), so only that app can use it, sending {@code Authorization: DPoP} and a proof with {@code ath}.
 */
public record AppToken(AuthorizationClient app, String value) {

    /** Sends the request as the app does with this token. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return app.sendWithToken(request, value);
    }
}
