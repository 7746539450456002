package dev.txauth.testkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.txauth.devserver.FreePort;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The load balancer in front of the test cluster: the one public address of both nodes, as nginx is in
 * {@code docker-compose.cluster.yml}. Both nodes run with {@code --hostname} set to it, so issuer, redirects, form
 * actions, cookies and DPoP {@code htu} are the same whichever node answers, as behind a real load balancer.
 * <p>
 * Not sticky: each request goes to the next node in turn, skipping a node that refuses the connection (a crashed
 * node), like a load balancer whose health check took it out. A request carrying {@value #NODE_HEADER}{@code : n}
 * goes to node n only (answered 502 if it is down): a test pins a phone to a node with it and moves it to the other
 * node mid-flow. Requests are forwarded one by one, never a connection, so a pin takes effect at the next request.
 */
final class ClusterFrontend implements AutoCloseable {

    /** Test-only routing header; removed before the request reaches Keycloak. */
    public static final String NODE_HEADER = "X-Txauth-Test-Node";

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection",
            "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            NODE_HEADER.toLowerCase(Locale.ROOT));

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "txauth-cluster-front");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int nodes;
    private final IntFunction<String> nodeUrl;
    private final AtomicInteger next = new AtomicInteger();

    /** @param nodeUrl node number (1-based) → its direct {@code http://127.0.0.1:port} */
    ClusterFrontend(int nodes, IntFunction<String> nodeUrl) {
        this.nodes = nodes;
        this.nodeUrl = nodeUrl;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.find()), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://localhost:<port>}: what both nodes' {@code --hostname} is. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String pinned = exchange.getRequestHeaders().getFirst(NODE_HEADER);
            List<Integer> candidates = pinned != null ? List.of(Integer.parseInt(pinned.trim())) : rotation();
            for (int node : candidates) {
                HttpResponse<byte[]> response;
                try {
                    response = upstream.send(request(exchange, body, node), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException | HttpConnectTimeoutException down) {
                    continue; // never reached the node: safe to try the next one, whatever the method
                } catch (IOException broken) {
                    answer(exchange, 502, "node " + node + " broke the connection: " + broken);
                    return;
                }
                copyResponse(exchange, response);
                return;
            }
            answer(exchange, 502, "no node reachable of " + candidates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            answer(exchange, 502, "front error: " + e);
        }
    }

    private List<Integer> rotation() {
        int first = Math.floorMod(next.getAndIncrement(), nodes);
        return IntStream.range(0, nodes).mapToObj(i -> (first + i) % nodes + 1).toList();
    }

    private HttpRequest request(HttpExchange exchange, byte[] body, int node) {
        URI target = URI.create(nodeUrl.apply(node) + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        if (!exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
            request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        }
        // As a load balancer tells Keycloak (trusted from loopback, --proxy-headers=xforwarded) which URL the client
        // used: DPoP proofs name the front's URL in htu, and Keycloak compares it with the request URL it sees.
        String front = URI.create(url()).getAuthority();
        request.header("X-Forwarded-Host", front);
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
        return request.build();
    }

    private static void copyResponse(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals(":status") && !NOT_FORWARDED.contains(lower)) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.statusCode() == 204 || response.statusCode() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String message) {
        try {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, text.length);
            exchange.getResponseBody().write(text);
        } catch (IOException alreadyAnswered) {
            // the client went away or headers were sent: nothing more to tell it
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
