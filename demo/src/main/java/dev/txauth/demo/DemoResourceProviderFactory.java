package dev.txauth.demo;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.List;

/**
 * Mounts the dev demo at {@code /realms/{realm}/txauth-demo/} (docs/api.md §12, docs/demo.md) — only when the server
 * option {@code --spi-realm-restapi-extension--txauth-demo--dev-server=true} is set, which only the dev server sets.
 * Otherwise the resource is absent and Keycloak answers 404 to every path under it, even with this jar installed.
 */
public class DemoResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "txauth-demo";
    private static final Logger LOG = Logger.getLogger(DemoResourceProviderFactory.class);

    private DemoSettings settings = DemoSettings.DISABLED;

    @Override
    public void init(Config.Scope scope) {
        settings = DemoSettings.of(scope.getBoolean(DemoSettings.ENABLED, false), scope.get(DemoSettings.KEYCLOAK_URL),
                scope.get(DemoSettings.CLIENT_SECRET), scope.get(DemoSettings.SMS_OUTBOX_FILE));
        if (settings.enabled()) {
            LOG.warnf("txauth-demo: DEV DEMO ACTIVE at /realms/{realm}/txauth-demo/ (loopback clients only), "
                    + "acting as payment-service against %s", settings.keycloakUrl());
        }
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        DemoSettings current = settings;
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                // null → Keycloak's RealmsResource answers 404, exactly as for an extension that does not exist.
                return current.enabled() ? new DemoResource(session, current) : null;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(DemoSettings.ENABLED).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(false).helpText("Dev server only: serve the wallet demo and its payment-service "
                        + "backend. Anything but a loopback keycloak-url stops the server").add()
                .property().name(DemoSettings.KEYCLOAK_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The dev server's own address, http://localhost:<port>: where the backend calls token "
                        + "and registry endpoints").add()
                .property().name(DemoSettings.CLIENT_SECRET).type(ProviderConfigProperty.PASSWORD)
                .helpText("payment-service's client secret (by environment, never on the command line)").add()
                .property().name(DemoSettings.SMS_OUTBOX_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The dev outbox file the page shows the user's SMS from").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
