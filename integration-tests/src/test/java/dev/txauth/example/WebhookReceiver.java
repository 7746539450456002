package dev.txauth.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment service's webhook receiver in the smallest form that is still correct (JDK HTTP server only; README
 * "Webhooks for payment services"). For every {@code POST} it:
 * <ol>
 *   <li>refuses a {@code webhook-timestamp} more than 5 minutes away from its own clock (a replayed old request);</li>
 *   <li>recomputes the Standard Webhooks signature — HMAC-SHA256 keyed with the base64-decoded part of the
 *       {@code whsec_} secret over {@code webhook-id.webhook-timestamp.body} — and compares it in constant time
 *       with each {@code v1,} entry of {@code webhook-signature} ({@code 401} if none matches);</li>
 *   <li>answers {@code 204} at once to a {@code webhook-id} it has already processed: txauth delivers at least once,
 *       so the same event can arrive twice, with the same id;</li>
 *   <li>hands the body to the application, then answers {@code 204}. Anything but 2xx makes txauth retry.</li>
 * </ol>
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Standard Webhooks' recommended tolerance. */
    public static final long TOLERANCE_SECONDS = 5 * 60;

    /** What the application does with a verified, first-seen event. */
    public interface Handler {
        void handle(String webhookId, String body);
    }

    private final HttpServer http;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    private final Handler handler;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile byte[] key;

    public WebhookReceiver(int port, Handler handler) throws IOException {
        this.handler = handler;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/webhooks", this::receive);
        http.setExecutor(threads);
        http.start();
    }

    /** The secret txauth showed once when the endpoint was registered (which needs this receiver's URL first). */
    public void secret(String whsec) {
        this.key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    public String url() {
        return "http://localhost:" + http.getAddress().getPort() + "/webhooks";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!"POST".equals(exchange.getRequestMethod()) || id == null || timestamp == null || signatures == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            long ts;
            try {
                ts = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (Math.abs(System.currentTimeMillis() / 1000 - ts) > TOLERANCE_SECONDS) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!verifies(id, timestamp, body, signatures)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            // putIfAbsent: two concurrent deliveries of one id are processed once.
            if (seen.putIfAbsent(id, ts) == null) {
                handler.handle(id, new String(body, StandardCharsets.UTF_8));
            }
            forgetOlderThan(ts - 2 * TOLERANCE_SECONDS);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private boolean verifies(String id, String timestamp, byte[] body, String header) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            return false;
        }
        for (String entry : header.split(" ")) {
            if (entry.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A request older than the tolerance is refused anyway, so ids of that age need not be kept. Production code
     * keeps them in its database, in the same transaction as the effect, so a restart does not forget them.
     */
    private void forgetOlderThan(long seconds) {
        seen.values().removeIf(t -> t < seconds);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
