package dev.txauth.devserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares and starts Keycloak with txauth installed. The same code path serves the one-command dev server and the
 * testkit, so what the tests exercise is what a developer runs.
 */
public final class TxauthKeycloak {

    /**
     * Build-time options: PostgreSQL, health and metrics on the management port, a single-node cache, and Keycloak's
     * declarative admin UI, which renders the txauth-settings tab (docs/payment-controls.md).
     */
    public static final List<String> BUILD_OPTIONS = List.of(
            "--db=postgres",
            "--features=declarative-ui",
            "--health-enabled=true",
            "--metrics-enabled=true",
            "--cache=local");

    /**
     * The same build for a member of a cluster (docs/api.md §10): Keycloak's embedded Infinispan, whose default
     * {@code jdbc-ping} stack discovers the other members through the shared PostgreSQL.
     */
    public static final List<String> CLUSTER_BUILD_OPTIONS = BUILD_OPTIONS.stream()
            .map(option -> option.equals("--cache=local") ? "--cache=ispn" : option).toList();

    public static final String REALM_FILE = "payments-realm.json";
    public static final String DEMO_USERS_FILE = "dev/payments-users-0.json";
    /** Realm placeholder choosing how {@code payment-service} authenticates (README "The payments realm"). */
    public static final String CLIENT_AUTH_VARIABLE = "PAYMENT_SERVICE_CLIENT_AUTH";
    /** Local runs and tests use the client secret; production (docker-compose.yml) uses private_key_jwt. */
    public static final String LOCAL_CLIENT_AUTH = "client-secret";
    /** Realm placeholder for the payment service's public keys; Keycloak refuses to import a client without a valid URL. */
    public static final String JWKS_URL_VARIABLE = "PAYMENT_SERVICE_JWKS_URL";
    /** Never fetched (the local client authenticates with its secret); {@code .invalid} never resolves (RFC 2606). */
    public static final String LOCAL_JWKS_URL = "https://payment-service.invalid/.well-known/jwks.json";

    private TxauthKeycloak() {
    }

    public static KeycloakProcess start(TxauthBundle bundle, KeycloakSettings settings) {
        KeycloakHome home = KeycloakHome.unpack(bundle, settings.workDirectory());
        home.install(bundle, realmImports(settings), BUILD_OPTIONS);
        return run(home, settings);
    }

    /**
     * The same Keycloak distribution with no txauth jar at all and the given realm files: the baseline that benchmarks
     * compare txauth against, side by side in one run.
     */
    public static KeycloakProcess startVanilla(TxauthBundle bundle, KeycloakSettings settings,
                                               Map<String, byte[]> importFiles) {
        KeycloakHome home = KeycloakHome.unpack(bundle, settings.workDirectory());
        home.install(List.of(), importFiles, BUILD_OPTIONS);
        return run(home, settings);
    }

    /**
     * Starts one member of a cluster. Each member needs a Keycloak home of its own ({@code settings.workDirectory()}),
     * because a running node writes to its distribution's {@code data/}; they share the database and so the realm.
     */
    public static KeycloakProcess startClusterNode(TxauthBundle bundle, KeycloakSettings settings, ClusterNode node) {
        KeycloakHome home = KeycloakHome.unpack(bundle, settings.workDirectory());
        home.install(bundle, realmImports(settings), CLUSTER_BUILD_OPTIONS);
        return run(home, settings.withExtraOptions(node.runtimeOptions()));
    }

    private static List<String> realmImports(KeycloakSettings settings) {
        return settings.importDemoUsers() ? List.of(REALM_FILE, DEMO_USERS_FILE) : List.of(REALM_FILE);
    }

    private static KeycloakProcess run(KeycloakHome home, KeycloakSettings settings) {
        List<String> options = new ArrayList<>(List.of(
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--hostname-strict=false",
                "--db-url=" + settings.databaseUrl(),
                "--db-username=" + settings.databaseUser(),
                "--import-realm"));
        options.addAll(settings.extraOptions());

        Map<String, String> env = new HashMap<>(settings.environment());
        env.putIfAbsent(CLIENT_AUTH_VARIABLE, System.getenv().getOrDefault(CLIENT_AUTH_VARIABLE, LOCAL_CLIENT_AUTH));
        env.putIfAbsent(JWKS_URL_VARIABLE, System.getenv().getOrDefault(JWKS_URL_VARIABLE, LOCAL_JWKS_URL));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        // Passed by environment, not argument, so it never shows in `ps`.
        env.put("KC_DB_PASSWORD", settings.databasePassword());
        Path log = settings.workDirectory().resolve("keycloak.log");
        return KeycloakProcess.start(home, options, settings.managementPort(), env, log);
    }
}
