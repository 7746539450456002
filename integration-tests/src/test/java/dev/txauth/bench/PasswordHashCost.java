package dev.txauth.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.server.TxauthServer;

/**
 * {@code -Dbench.cheapPasswordHash=true}: both servers hash passwords with one PBKDF2 iteration instead of Keycloak's
 * Argon2 default. Argon2 is ≈ 140 ms of a 180 ms login here and the same code on both sides, but each JVM's JIT
 * compiles it its own way (one run measured 2 741 vs 5 324 CPU samples for the same 180 verifications), so it adds
 * ±30 % of noise to a comparison whose subject is the few milliseconds txauth adds. Taking it out shows those.
 */
final class PasswordHashCost {

    static final boolean CHEAP = Boolean.getBoolean("bench.cheapPasswordHash");
    private static final String CHEAP_POLICY = " and hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

    private PasswordHashCost() {
    }

    /** Sets the cheap hash on the server's realm (before its benchmark users are created); a no-op unless asked. */
    static void apply(TxauthServer server) {
        if (!CHEAP) {
            return;
        }
        String path = "/admin/realms/" + AdminClient.REALM;
        ObjectNode realm = (ObjectNode) server.admin().get(path).json();
        String policy = realm.path("passwordPolicy").asText("");
        if (policy.contains("hashIterations")) {
            return;
        }
        ObjectNode change = realm.objectNode();
        change.put("passwordPolicy", policy.isEmpty() ? CHEAP_POLICY.substring(5) : policy + CHEAP_POLICY);
        AdminClient.Response r = server.admin().put(path, change);
        if (r.status() != 204) {
            throw new IllegalStateException("Setting the benchmark password policy: " + r.status() + " " + r.body());
        }
    }

    /** Takes the cheap hash out again (the txauth server is shared with the other tests of the run). */
    static void restore(TxauthServer server) {
        if (!CHEAP) {
            return;
        }
        String path = "/admin/realms/" + AdminClient.REALM;
        ObjectNode realm = (ObjectNode) server.admin().get(path).json();
        String policy = realm.path("passwordPolicy").asText("");
        ObjectNode change = realm.objectNode();
        change.put("passwordPolicy", policy.replace(CHEAP_POLICY, "").replace(CHEAP_POLICY.substring(5), ""));
        server.admin().put(path, change);
    }

    static String label() {
        return CHEAP ? "passwords hashed with one PBKDF2 iteration on both servers" : "Keycloak's default Argon2";
    }
}
