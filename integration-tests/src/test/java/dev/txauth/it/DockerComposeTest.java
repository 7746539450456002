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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks what can go stale without anyone noticing:
 * every mounted file is one the build really produces, the image tag is our Keycloak version, no secret is inline.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("txauth.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void mountsEveryProviderJarTheBuildProducesAndTheRealm() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        List<String> volumes = strings(keycloak.get("volumes"));
        Set<Path> mountedJars = volumes.stream().map(v -> v.split(":")[0])
                .filter(host -> host.endsWith(".jar")).map(host -> ROOT.resolve(host).normalize())
                .collect(Collectors.toSet());

        TxauthBundle bundle = TxauthBundle.fromClasspath();
        Set<Path> builtJars = bundle.providerJars().stream().map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        assertEquals(builtJars, mountedJars, "docker-compose.yml must mount exactly the provider jars of the build");
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment() throws IOException {
        return (Map<String, Object>) service("keycloak").get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
