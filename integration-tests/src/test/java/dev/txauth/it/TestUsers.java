package dev.txauth.it;

import dev.txauth.testkit.TxauthServer;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh users per test, so tests never depend on each other's sessions, devices or lockouts. */
final class TestUsers {

    static final String PASSWORD = "correct-horse-battery-9";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestUsers() {
    }

    /** @return the new user's id */
    static String create(TxauthServer server, String prefix) {
        String username = prefix + "-" + System.currentTimeMillis() % 100000 + "-" + COUNTER.incrementAndGet();
        return server.admin().createUser(username, PASSWORD);
    }

    static String username(TxauthServer server, String userId) {
        return server.admin().get("/admin/realms/payments/users/" + userId).json().get("username").asText();
    }
}
