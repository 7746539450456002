package dev.txauth.controls.settings;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import java.util.List;
import java.util.Map;

/**
 * The admin console's "txauth-settings" tab under Realm settings: Keycloak's declarative UI (feature
 * {@code declarative-ui}) renders {@link #getConfigProperties()} as a form and saves it as this realm's one
 * component of this type — the same component {@link SettingsStore} reads and the settings API writes (docs/api.md §8). Whatever the
 * console saves goes through {@link #validateConfiguration}, the same validation as the API.
 */
public class SettingsTab implements UiTabProvider, UiTabProviderFactory<ComponentModel>,
        StatelessFactory<UiTabProvider> {

    public static final String PROVIDER_ID = "txauth-settings";

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        if (!realm.getId().equals(model.getParentId())) {
            throw new ComponentValidationException("txauth settings belong to their realm");
        }
        SettingsStore.component(realm).filter(existing -> !existing.getId().equals(model.getId()))
                .ifPresent(other -> {
                    throw new ComponentValidationException("this realm already has its txauth settings");
                });
        try {
            TxauthSettings.fromConfig(SettingsStore.flat(model.getConfig()));
        } catch (InvalidSettingException e) {
            throw new ComponentValidationException(e.getMessage());
        }
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
        return "txauth payment controls, SMS codes and login throttling (docs/payment-controls.md)";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
        // stateless
    }

    private static List<ProviderConfigProperty> properties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting setting : Setting.values()) {
            builder.property().name(setting.configKey()).label(setting.label()).helpText(setting.help())
                    .type(setting.consoleType()).defaultValue(setting.defaultConfig()).required(true).add();
        }
        return builder.build();
    }
}
