package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsOutcome.Reason;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place an HTTP answer becomes an {@link SmsOutcome} (docs/api.md §9 failover rules): 2xx → the gateway's
 * own reading of the body; 4xx → {@code Rejected} (the request was at fault, another gateway would refuse it too);
 * 5xx, timeout, connection error → {@code Failed} (try the next gateway). Response bodies are never kept or logged:
 * gateways echo the destination number in them.
 */
public final class GatewayHttp {

    /** Reads a 2xx body into Sent or Rejected (some gateways answer 2xx with a per-recipient refusal). */
    @FunctionalInterface
    public interface SuccessReader {
        SmsOutcome read(String body);
    }

    public static final int DEFAULT_TIMEOUT_MS = 5000;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 2000;

    private final HttpClient client;
    private final Duration timeout;

    public GatewayHttp(Duration connectTimeout, Duration timeout) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    public static GatewayHttp withDefaults() {
        return new GatewayHttp(Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MS), Duration.ofMillis(DEFAULT_TIMEOUT_MS));
    }

    public HttpRequest.Builder post(URI uri, String contentType, String body) {
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    public SmsOutcome exchange(String provider, HttpRequest request, SuccessReader reader) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return SmsOutcome.Failed.of(provider, Reason.TIMEOUT, e.getClass().getSimpleName());
        } catch (IOException e) {
            return SmsOutcome.Failed.of(provider, Reason.CONNECTION, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SmsOutcome.Failed.of(provider, Reason.ERROR, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return reader.read(response.body());
        }
        if (status >= 400 && status < 500) {
            return new SmsOutcome.Rejected(provider, "http-" + status);
        }
        return SmsOutcome.Failed.of(provider, status >= 500 ? Reason.SERVER_ERROR : Reason.ERROR, "http-" + status);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Base URL + path, tolerating a trailing slash on the configured base. */
    public static URI resolve(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + path);
    }
}
