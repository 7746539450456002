package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.example.WebhookReceiver;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.server.TxauthServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A payment service's side of the webhook stories: the example {@link WebhookReceiver} on a loopback port, registered
 * as an endpoint of the payments realm for some event types, keeping every event it accepted (verified, first seen).
 * It can go down and come back on the same port, like a payment service being redeployed.
 */
final class WebhookInbox implements AutoCloseable {

    static final String PATH = "/admin/realms/" + TxauthServer.REALM + "/txauth-webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted event; {@code receivedAt} is this JVM's clock, like the registration times the tests keep. */
    record Received(String webhookId, JsonNode body, long receivedAt) {
        String type() {
            return body.path("type").asText();
        }
    }

    private final AdminClient admin;
    private final List<Received> received = new ArrayList<>();
    private final int port;
    private final String endpointId;
    private final String secret;
    private WebhookReceiver receiver;

    private WebhookInbox(AdminClient admin, String... events) {
        this.admin = admin;
        this.receiver = receiver(0);
        this.port = Integer.parseInt(receiver.url().replaceAll(".*:(\\d+)/.*", "$1"));
        AdminClient.Response created = admin.post(PATH, Map.of("url", receiver.url(), "events", List.of(events),
                "enabled", true));
        if (created.status() != 201) {
            throw new AssertionError("registering the endpoint: " + created.status() + " " + created.body());
        }
        this.endpointId = created.json().get("id").asText();
        this.secret = created.json().get("secret").asText();
        receiver.secret(secret);
    }

    static WebhookInbox subscribe(TxauthServer server, String... events) {
        return new WebhookInbox(server.admin(), events);
    }

    String endpointId() {
        return endpointId;
    }

    String secret() {
        return secret;
    }

    String url() {
        return "http://localhost:" + port + "/webhooks";
    }

    synchronized void down() {
        receiver.close();
    }

    synchronized void up() {
        receiver = receiver(port);
        receiver.secret(secret);
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until {@code count} accepted events match; fails the test with what did arrive. */
    List<Received> await(Predicate<Received> which, int count, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<Received> matching = received().stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("expected " + count + " events, got " + matching.size() + " of "
                        + received().size() + " received");
            }
            sleep(100);
        }
    }

    @Override
    public void close() {
        admin.delete(PATH + "/" + endpointId);
        receiver.close();
    }

    private WebhookReceiver receiver(int onPort) {
        try {
            return new WebhookReceiver(onPort, (id, body) -> {
                try {
                    Received r = new Received(id, JSON.readTree(body), System.currentTimeMillis());
                    synchronized (received) {
                        received.add(r);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
