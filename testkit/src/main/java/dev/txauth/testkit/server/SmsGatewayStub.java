package dev.txauth.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.txauth.testkit.client.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP SMS gateway for the test server: Keycloak's {@code http} provider of {@code txauth-sms-sender} posts
 * {@code {"to","text"}} with a bearer token to it over loopback (docs/sms.md), and it keeps every request it got, so
 * a test reads the code the user would read and asserts that no SMS went out when a cap refused one.
 */
public final class SmsGatewayStub implements AutoCloseable {

    /** Payment codes ("Code 482913. Never share it.") and phone verification ("...phone: 482913. Never share it."). */
    private static final Pattern CODE = Pattern.compile("([0-9]{4,10})\\. Never share it");

    private final HttpServer http;
    private final String token = UUID.randomUUID().toString();
    private final List<Request> requests = new ArrayList<>();

    /** What the gateway received: the parsed body, the bearer token, and when (System.nanoTime()). */
    public record Request(String to, String text, String authorization, long receivedNanos) {
        /** The code in a txauth payment SMS ({@code ... Code 482913. Never share it.}). */
        public String code() {
            Matcher m = CODE.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no code in the SMS text: " + text);
            }
            return m.group(1);
        }
    }

    SmsGatewayStub(int port) {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/sms", exchange -> {
            long received = System.nanoTime();
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (requests) {
                requests.add(new Request(body.path("to").asText(), body.path("text").asText(),
                        exchange.getRequestHeaders().getFirst("Authorization"), received));
                requests.notifyAll();
            }
            byte[] answer = ("{\"id\":\"stub-" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        http.start();
    }

    /** The options that make Keycloak send through this stub (and its token, passed by environment). */
    List<String> serverOptions() {
        return List.of("--spi-txauth-sms-sender--failover--order=http",
                "--spi-txauth-sms-sender--http--url=http://127.0.0.1:" + http.getAddress().getPort() + "/sms",
                "--spi-txauth-sms-sender--http--auth=bearer");
    }

    String token() {
        return token;
    }

    public String expectedAuthorization() {
        return "Bearer " + token;
    }

    /** Every SMS received so far, oldest first. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The SMS received to {@code to} (E.164), oldest first: codes and alerts. */
    public List<Request> to(String to) {
        return requests().stream().filter(r -> r.to().equals(to)).toList();
    }

    /** Only the confirmation-code SMS to {@code to} (not the new-device alerts), oldest first. */
    public List<Request> codesTo(String to) {
        return requests().stream().filter(r -> r.to().equals(to) && CODE.matcher(r.text()).find()).toList();
    }

    /** Waits up to 10 s for the {@code count}-th confirmation-code SMS to {@code to}. */
    public Request awaitCode(String to, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        synchronized (requests) {
            while (true) {
                List<Request> matching = requests.stream()
                        .filter(r -> r.to().equals(to) && CODE.matcher(r.text()).find()).toList();
                if (matching.size() >= count) {
                    return matching.get(count - 1);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " SMS to " + to + ", got " + matching.size());
                }
                try {
                    requests.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
