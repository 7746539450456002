package dev.txauth.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One POST of one delivery: the SSRF guard first (resolved now, every address), then the request with the Standard
 * Webhooks headers, redirects never followed, the whole answer within the timeout (docs/api.md §11).
 */
final class HttpAttempt {

    /** What happened: {@code status} is null when no HTTP answer came. */
    record Outcome(boolean delivered, Integer status, String error) {
    }

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;

    HttpAttempt(AddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Outcome send(String url, String webhookId, String secret, String body, long nowSeconds) {
        URI uri;
        try {
            uri = AddressGuard.parse(url);
            guard.check(uri);
        } catch (AddressGuard.Refused e) {
            return new Outcome(false, null, e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "txauth-webhooks")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(nowSeconds))
                .header("webhook-signature", StandardWebhooks.signature(secret, webhookId, nowSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null)
                    : new Outcome(false, status, "HTTP " + status);
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }
}
