package dev.txauth.it;

import dev.txauth.devserver.TxauthBundle;
import dev.txauth.devserver.TxauthKeycloak;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks what can go stale without anyone noticing:
 * every mounted file is one the build really produces, the image tag is our Keycloak version, no secret is inline.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("txauth.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void mountsEveryProviderJarTheBuildProducesAndTheRealm() throws IOException {
        assertMountsEveryProviderJarAndTheRealm(service("keycloak"), "docker-compose.yml");
    }

    private static void assertMountsEveryProviderJarAndTheRealm(Map<String, Object> keycloak, String file) {
        List<String> volumes = strings(keycloak.get("volumes"));
        Set<Path> mountedJars = volumes.stream().map(v -> v.split(":")[0])
                .filter(host -> host.endsWith(".jar")).map(host -> ROOT.resolve(host).normalize())
                .collect(Collectors.toSet());

        TxauthBundle bundle = TxauthBundle.fromClasspath();
        Set<Path> builtJars = bundle.providerJars().stream().map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        assertEquals(builtJars, mountedJars, file + " must mount exactly the provider jars of the build");
        for (Path jar : mountedJars) {
            assertTrue(Files.isRegularFile(jar), jar + " is mounted but not built");
        }
        assertTrue(volumes.contains("./realm-config/payments-realm.json:/opt/keycloak/data/import/payments-realm.json:ro"));
        assertTrue(Files.isRegularFile(ROOT.resolve("realm-config/payments-realm.json")));
        for (String volume : volumes) {
            if (volume.endsWith(".jar:ro")) {
                assertTrue(volume.split(":")[1].startsWith("/opt/keycloak/providers/"), volume);
            }
        }
    }

    @Test
    void usesTheKeycloakVersionOfTheBuildAndPostgres17() throws IOException {
        assertEquals("quay.io/keycloak/keycloak:" + TxauthBundle.fromClasspath().keycloakVersion(),
                service("keycloak").get("image"));
        assertEquals("postgres:17", service("postgres").get("image"));
        assertEquals(List.of("start", "--import-realm"), service("keycloak").get("command"));
        assertTrue(service("keycloak").containsKey("healthcheck"));
        assertTrue(service("postgres").containsKey("healthcheck"));
    }

    @Test
    void enablesTheDeclarativeUiLikeTheLaunchersSoTheSettingsTabExists() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) service("keycloak").get("environment");
        assertEquals("declarative-ui", env.get("KC_FEATURES"));
        assertTrue(TxauthKeycloak.BUILD_OPTIONS.contains("--features=declarative-ui"));
    }

    @Test
    void takesEverySecretFromTheEnvironment() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) service("keycloak").get("environment");
        for (String key : List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "PAYMENT_SERVICE_CLIENT_SECRET")) {
            assertTrue(String.valueOf(env.get(key)).startsWith("${" + key + ":?"), key + " must come from .env");
        }
        assertTrue(Files.isRegularFile(ROOT.resolve(".env.example")));
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(".env"::equals));
    }

    @Test
    void hostnameIsFixedStrictAndRequiredSoMailedLinksCannotFollowTheHostHeader() throws IOException {
        Map<String, Object> env = environment();
        assertTrue(String.valueOf(env.get("KC_HOSTNAME")).startsWith("${KC_HOSTNAME:?"),
                "compose must refuse to start without KC_HOSTNAME: " + env.get("KC_HOSTNAME"));
        assertEquals("true", String.valueOf(env.get("KC_HOSTNAME_STRICT")));
        assertTrue(!env.containsKey("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")
                || "false".equals(String.valueOf(env.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"))));
        assertTrue(Files.readString(ROOT.resolve(".env.example")).lines().anyMatch(l -> l.startsWith("KC_HOSTNAME=https://")));
    }

    @Test
    void paymentServiceUsesPrivateKeyJwtByDefault() throws IOException {
        Map<String, Object> env = environment();
        assertEquals("${PAYMENT_SERVICE_CLIENT_AUTH:-client-jwt}", env.get("PAYMENT_SERVICE_CLIENT_AUTH"));
        assertTrue(String.valueOf(env.get("PAYMENT_SERVICE_JWKS_URL")).startsWith("${PAYMENT_SERVICE_JWKS_URL:?"));
    }

    /** docker-compose.cluster.yml: two nodes, each as complete as the single one, one cluster, one way in. */
    @Test
    void clusterFileRunsTwoCompleteNodesInOneClusterBehindTheLoadBalancer() throws IOException {
        Map<String, Object> single = environment();
        for (String node : List.of("keycloak-1", "keycloak-2")) {
            Map<String, Object> keycloak = service(CLUSTER_FILE, node);
            assertMountsEveryProviderJarAndTheRealm(keycloak, CLUSTER_FILE + " " + node);
            assertEquals(service("keycloak").get("image"), keycloak.get("image"), node);
            assertEquals(List.of("start", "--import-realm"), keycloak.get("command"), node);
            assertTrue(keycloak.containsKey("healthcheck"), node);
            assertFalse(keycloak.containsKey("ports"), node + ": only the load balancer is published");
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) keycloak.get("environment");
            assertEquals("ispn", env.get("KC_CACHE"), node);
            assertEquals("jdbc-ping", env.get("KC_CACHE_STACK"), node);
            assertEquals("xforwarded", env.get("KC_PROXY_HEADERS"), node);
            // everything else exactly as the single node: same database, secrets from .env, fixed strict hostname
            for (Map.Entry<String, Object> entry : single.entrySet()) {
                if (!entry.getKey().equals("KC_CACHE") && !entry.getKey().equals("KC_HOSTNAME")) {
                    assertEquals(entry.getValue(), env.get(entry.getKey()), node + " " + entry.getKey());
                }
            }
            assertTrue(String.valueOf(env.get("KC_HOSTNAME")).startsWith("${KC_HOSTNAME:?"), node);
            // one webhook secret-sealing key, the same compose secret in both nodes
            assertEquals(List.of(WEBHOOK_KEY_SECRET), keycloak.get("secrets"), node);
            assertEquals("/run/secrets/" + WEBHOOK_KEY_SECRET,
                    env.get("KC_SPI_EVENTS_LISTENER__TXAUTH_WEBHOOKS__SECRET_KEY_FILE"), node);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> secret = (Map<String, Object>) compose(CLUSTER_FILE).get("secrets");
        assertEquals(Map.of("file", "${TXAUTH_WEBHOOK_KEY_FILE:?set TXAUTH_WEBHOOK_KEY_FILE in .env (one key file"
                + " for both nodes)}"), secret.get(WEBHOOK_KEY_SECRET), "a file from .env, never an inline key");
        assertTrue(Files.readString(ROOT.resolve(".env.example")).lines()
                .anyMatch(l -> l.startsWith("TXAUTH_WEBHOOK_KEY_FILE=")));
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch("webhook-secret.key"::equals));
        assertEquals("postgres:17", service(CLUSTER_FILE, "postgres").get("image"));

        Map<String, Object> balancer = service(CLUSTER_FILE, "loadbalancer");
        assertTrue(String.valueOf(balancer.get("image")).matches("nginx:[0-9.]+"), "official nginx, pinned: "
                + balancer.get("image"));
        assertEquals(List.of("8080:8080"), balancer.get("ports"));
        String mount = strings(balancer.get("volumes")).get(0);
        assertEquals("/etc/nginx/nginx.conf", mount.split(":")[1]);
        String nginx = Files.readString(ROOT.resolve(mount.split(":")[0])).lines()
                .map(line -> line.replaceAll("#.*", "")).collect(Collectors.joining("\n"));
        assertTrue(nginx.contains("server keycloak-1:8080") && nginx.contains("server keycloak-2:8080"), nginx);
        assertFalse(nginx.contains("ip_hash") || nginx.contains("sticky") || nginx.contains(" hash "),
                "no sticky sessions are needed");
        assertTrue(nginx.contains("X-Forwarded-For $proxy_add_x_forwarded_for"), nginx);
    }

    private static final String CLUSTER_FILE = "docker-compose.cluster.yml";
    private static final String WEBHOOK_KEY_SECRET = "txauth-webhook-key";

    /** The single node keeps txauth-webhooks' default key in its state-dir: no key file, no secret. */
    @Test
    void singleNodeKeepsTheDefaultWebhookKey() throws IOException {
        assertFalse(environment().containsKey("KC_SPI_EVENTS_LISTENER__TXAUTH_WEBHOOKS__SECRET_KEY_FILE"));
        assertFalse(service("keycloak").containsKey("secrets"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment() throws IOException {
        return (Map<String, Object>) service("keycloak").get("environment");
    }

    private static Map<String, Object> service(String name) throws IOException {
        return service("docker-compose.yml", name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String file, String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose(file).get("services")).get(name);
    }

    private static Map<String, Object> compose(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
