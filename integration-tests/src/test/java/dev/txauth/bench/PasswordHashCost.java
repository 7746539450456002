package dev.txauth.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
    private static final String PATH = "/admin/realms/" + AdminClient.REALM;

    private PasswordHashCost() {
    }

    /** Sets the cheap hash on the server's realm (before its benchmark users are created); a no-op unless asked. */
    static void apply(TxauthServer server) {
        if (!CHEAP) {
            return;
        }
        String policy = policy(server);
        if (!policy.contains("hashIterations")) {
            setPolicy(server, policy.isEmpty() ? CHEAP_POLICY.substring(5) : policy + CHEAP_POLICY);
        }
    }

    /** Takes the cheap hash out again (the txauth server is shared with the other tests of the run). */
    static void restore(TxauthServer server) {
        if (CHEAP) {
            setPolicy(server, policy(server).replace(CHEAP_POLICY, "").replace(CHEAP_POLICY.substring(5), ""));
        }
    }

    private static String policy(TxauthServer server) {
        return server.admin().get(PATH).json().path("passwordPolicy").asText("");
    }

    private static void setPolicy(TxauthServer server, String policy) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.put("passwordPolicy", policy);
        AdminClient.Response r = server.admin().put(PATH, change);
        if (r.status() != 204) {
            throw new IllegalStateException("Setting the benchmark password policy: " + r.status() + " " + r.body());
        }
    }

    static String label() {
        return CHEAP ? "passwords hashed with one PBKDF2 iteration on both servers" : "Keycloak's default Argon2";
    }
}
