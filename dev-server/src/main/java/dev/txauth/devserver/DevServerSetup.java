package dev.txauth.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that makes a txauth Keycloak a dev server rather than a production one, in one place so the
 * {@code ./txauth-dev} launcher and the test that checks the demo ({@code DemoPaymentIT}) run the very same setup:
 * the dev outbox (SMS file, SMTP kept on disk), webhooks to loopback, and the demo (docs/demo.md) — its jar, the
 * option that enables it, the payment-service secret it acts with, and its redirect URI on {@code mobile-app}.
 */
public final class DevServerSetup implements AutoCloseable {

    /** docs/api.md §12: where the demo lives, relative to the server. */
    public static final String DEMO_PATH = "/realms/payments/txauth-demo/";
    /** The demo's redirect URI, registered on mobile-app by {@link #configureRealm} only (never in the realm file). */
    public static final String DEMO_REDIRECT_URI = DEMO_PATH + "callback.html";
    private static final String DEMO_OPTION = "--spi-realm-restapi-extension--txauth-demo--";
    /** By environment, so the secret never shows in {@code ps}. */
    private static final String DEMO_SECRET_ENV = "KC_SPI_REALM_RESTAPI_EXTENSION__TXAUTH_DEMO__CLIENT_SECRET";

    private final DevOutbox outbox;
    private final boolean outboxSendsSms;
    private final String paymentServiceSecret;

    private DevServerSetup(DevOutbox outbox, boolean outboxSendsSms, String paymentServiceSecret) {
        this.outbox = outbox;
        this.outboxSendsSms = outboxSendsSms;
        this.paymentServiceSecret = paymentServiceSecret;
    }

    /**
     * Starts the dev outbox under {@code state/outbox}. {@code env} is the developer's environment: gateways of their
     * own ({@code KC_SPI_TXAUTH_SMS_SENDER__FAILOVER__ORDER}) replace the SMS outbox.
     */
    public static DevServerSetup start(Path state, Map<String, String> env, String paymentServiceSecret) {
        return new DevServerSetup(DevOutbox.start(state), !env.containsKey(DevOutbox.ORDER_ENV), paymentServiceSecret);
    }

    /** The bundle with the dev-only jars (the demo). */
    public static TxauthBundle bundle() {
        return TxauthBundle.fromClasspath().withDevJars();
    }

    /** Server options of a dev server listening on {@code httpPort}. */
    public List<String> serverOptions(int httpPort) {
        List<String> options = new ArrayList<>();
        // docs/api.md §11: the dev server lets webhooks reach a receiver on this machine.
        options.add("--spi-events-listener--txauth-webhooks--allow-loopback=true");
        if (outboxSendsSms) {
            options.addAll(outbox.serverOptions(Map.of()));
        }
        options.add(DEMO_OPTION + "dev-server=true");
        options.add(DEMO_OPTION + "keycloak-url=http://localhost:" + httpPort);
        if (outboxSendsSms) {
            options.add(DEMO_OPTION + "sms-outbox-file=" + outbox.smsFile());
        }
        return options;
    }

    /** Environment of the Keycloak process: the realm file's secret placeholder, and the same secret for the demo. */
    public Map<String, String> environment() {
        return Map.of("PAYMENT_SERVICE_CLIENT_SECRET", paymentServiceSecret, DEMO_SECRET_ENV, paymentServiceSecret);
    }

    /** After start: SMTP to the outbox, the demo's redirect URI on mobile-app (idempotent). */
    public void configureRealm(String baseUrl, String adminUser, String adminPassword) {
        DevRealmAdmin admin = DevRealmAdmin.signIn(baseUrl, adminUser, adminPassword);
        outbox.configureRealm(admin);
        JsonNode app = admin.get("/clients?clientId=mobile-app").path(0);
        ArrayNode redirects = ((ArrayNode) app.path("redirectUris")).deepCopy();
        for (JsonNode uri : redirects) {
            if (uri.asText().equals(DEMO_REDIRECT_URI)) {
                return;
            }
        }
        redirects.add(DEMO_REDIRECT_URI);
        ObjectNode change = (ObjectNode) app.deepCopy();
        change.set("redirectUris", redirects);
        admin.put("/clients/" + app.path("id").asText(), change, "mobile-app's demo redirect URI");
    }

    /** The SMS outbox file, or null when the developer's own gateways send SMS. */
    public Path smsFile() {
        return outboxSendsSms ? outbox.smsFile() : null;
    }

    public Path emailDirectory() {
        return outbox.emailDirectory();
    }

    @Override
    public void close() {
        outbox.close();
    }
}
