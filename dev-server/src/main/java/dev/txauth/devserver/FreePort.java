package dev.txauth.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP port nobody listens on right now, for servers started side by side; never the same port twice in one JVM.
 * <p>
 * Why the memory: a port is free only until its server binds it, so two calls before the first server starts (HTTP
 * and management port of one Keycloak) could get the same number from the kernel. Keycloak then runs its management
 * interface on its HTTP port, and Vert.x shares that socket between the two routers: every few connections land on
 * the management router and get "Resource not found" (seen in CI, one request in four).
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int find() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ask();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port not handed out before, after 100 tries");
    }

    private static int ask() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
