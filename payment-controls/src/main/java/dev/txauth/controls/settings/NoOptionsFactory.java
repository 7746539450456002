package dev.txauth.controls.settings;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A provider factory with no server options and nothing to wire after start: everything in this module is per realm
 * (read from {@link SettingsStore}), so the lifecycle methods stay empty in one place instead of in every factory.
 */
interface NoOptionsFactory<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
        // no server options
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }
}
