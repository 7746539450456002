package dev.txauth.webhooks;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin console's "txauth-webhooks" tab under Realm settings (Keycloak's declarative UI, feature
 * {@code declarative-ui}, which txauth's launchers enable): the realm's retry period and endpoint pause rule, saved
 * as this realm's one component of this type and read by the listener and the sender
 * ({@link #settings(KeycloakSession, RealmModel)}). Empty fields keep the server options.
 */
public class WebhookSettingsTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "txauth-webhooks";
    static final String PROVIDER_TYPE = UiTabProvider.class.getName();

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(RealmDeliverySettings.MAX_AGE_SECONDS).label("Retry period (seconds)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("A delivery not accepted this long after its event becomes failed (60 to 604800; empty: "
                    + "the server option, 86400 unless set)").add()
            .property().name(RealmDeliverySettings.PAUSE_AFTER_FAILURES).label("Pause after consecutive failures")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Failed attempts in a row after which an endpoint is paused (1 to 10000; empty: server option, "
                    + "20 unless set)").add()
            .property().name(RealmDeliverySettings.PAUSE_SECONDS).label("Pause (seconds)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("How long a paused endpoint gets no attempts; then one failure pauses it again, one success "
                    + "resumes it (10 to 86400; empty: server option, 600 unless set)").add()
            .build();

    /** The realm's settings over the server options; a stored value that no longer parses falls back to them. */
    static RealmDeliverySettings settings(KeycloakSession session, RealmModel realm) {
        WebhookConfig server = serverConfig(session);
        if (realm == null) {
            return RealmDeliverySettings.defaults(server);
        }
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(c -> PROVIDER_ID.equals(c.getProviderId())).findFirst().map(c -> {
                    try {
                        return RealmDeliverySettings.parse(flat(c), server);
                    } catch (IllegalArgumentException e) {
                        return RealmDeliverySettings.defaults(server);
                    }
                }).orElseGet(() -> RealmDeliverySettings.defaults(server));
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        if (!realm.getId().equals(model.getParentId())) {
            throw new ComponentValidationException("txauth-webhooks settings belong to their realm");
        }
        if (realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .anyMatch(c -> PROVIDER_ID.equals(c.getProviderId()) && !c.getId().equals(model.getId()))) {
            throw new ComponentValidationException("this realm already has its txauth-webhooks settings");
        }
        try {
            RealmDeliverySettings.parse(flat(model), serverConfig(session));
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }

    private static WebhookConfig serverConfig(KeycloakSession session) {
        return ((WebhookEventListenerProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, WebhookEventListenerProviderFactory.PROVIDER_ID))
                .config();
    }

    private static Map<String, String> flat(ComponentModel model) {
        Map<String, String> flat = new HashMap<>();
        if (model.getConfig() != null) {
            model.getConfig().forEach((k, v) -> flat.put(k, v == null || v.isEmpty() ? null : v.get(0)));
        }
        return flat;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", PROVIDER_ID);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public String getHelpText() {
        return "txauth webhooks: retry period and endpoint pause (docs/webhooks.md)";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // the listener's server options are the defaults
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // stateless
    }
}
