package dev.txauth.model.provider;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A provider factory with no server options, nothing to wire after start and nothing to release: the three empty
 * lifecycle methods live here once instead of in every txauth factory. A factory overrides only what it really does
 * (for example {@code init} when it reads options).
 */
public interface StatelessFactory<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
        // no server options
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    default void close() {
        // holds nothing
    }
}
