package dev.txauth.testkit.server;

import dev.txauth.testkit.client.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.devserver.EmbeddedDatabase;
import dev.txauth.devserver.FreePort;
import dev.txauth.devserver.KeycloakProcess;
import dev.txauth.devserver.KeycloakSettings;
import dev.txauth.devserver.TxauthBundle;
import dev.txauth.devserver.TxauthKeycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The baseline for benchmarks: the same Keycloak distribution, same PostgreSQL, same realm and clients, but no txauth
 * jar, Keycloak's own browser flow and theme, and no txauth listener. Started beside the txauth server in one run.
 */
public final class VanillaServer extends LocalServer {

    private final EmbeddedDatabase database;
    private final KeycloakProcess keycloak;

    private VanillaServer(KeycloakSettings settings, EmbeddedDatabase database, KeycloakProcess keycloak,
                          String secret) {
        super(settings, secret);
        this.database = database;
        this.keycloak = keycloak;
    }

    public static VanillaServer start(Path workDirectory) {
        TxauthBundle bundle = TxauthBundle.fromClasspath();
        EmbeddedDatabase database = EmbeddedDatabase.startThrowAway(workDirectory.resolve("postgres"),
                FreePort.find());
        String secret = "vanilla-" + System.nanoTime();
        KeycloakSettings settings = new KeycloakSettings(workDirectory, FreePort.find(), FreePort.find(),
                database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, "admin", "admin-" + secret,
                false, Map.of("PAYMENT_SERVICE_CLIENT_SECRET", secret, "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g"),
                List.of());
        try {
            byte[] realm = withoutTxauth(readRealm(bundle)).getBytes(StandardCharsets.UTF_8);
            KeycloakProcess keycloak = TxauthKeycloak.startVanilla(bundle, settings,
                    Map.of(TxauthKeycloak.REALM_FILE, realm));
            return new VanillaServer(settings, database, keycloak, secret);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The payments realm minus everything txauth adds (theme, flows, listener, txauth scopes and mappers). */
    static String withoutTxauth(String realmJson) {
        ObjectNode realm = (ObjectNode) Json.parse(realmJson);
        // Every realm-level flow binding the realm file names is a txauth flow: Keycloak's defaults replace them.
        realm.remove(List.of("loginTheme", "emailTheme", "browserFlow", "resetCredentialsFlow",
                "authenticationFlows", "authenticatorConfig"));
        ArrayNode listeners = realm.putArray("eventsListeners");
        listeners.add("jboss-logging");
        removeTxauthEntries(realm);
        return Json.write(realm);
    }

    private static void removeTxauthEntries(JsonNode node) {
        if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode child = it.next();
                if (mentionsTxauthProvider(child)) {
                    it.remove();
                } else {
                    removeTxauthEntries(child);
                }
            }
        } else if (node.isObject()) {
            node.elements().forEachRemaining(VanillaServer::removeTxauthEntries);
        }
    }

    private static boolean mentionsTxauthProvider(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().startsWith("txauth-") && !node.asText().equals("txauth-transaction-initiator");
        }
        for (String field : List.of("protocolMapper", "providerId", "authenticator", "name")) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && value.asText().startsWith("txauth-")
                    && !value.asText().equals("txauth-transaction-initiator")) {
                return true;
            }
        }
        return false;
    }

    private static String readRealm(TxauthBundle bundle) {
        try (ZipFile zip = new ZipFile(bundle.realmConfigJar().toFile());
             InputStream in = zip.getInputStream(zip.getEntry(TxauthKeycloak.REALM_FILE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected KeycloakProcess process() {
        return keycloak;
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("the vanilla baseline is not restarted");
    }

    @Override
    public void crashAndRestart() {
        throw new UnsupportedOperationException("the vanilla baseline is not restarted");
    }

    @Override
    public void close() {
        keycloak.close();
        database.close();
    }
}
