package dev.txauth.transactions;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.List;

/**
 * Mounts txauth's realm endpoints under {@code /realms/{realm}/txauth}: the transaction registry that payment
 * services call before asking a user for step-up. Owns the registry's server options ({@link TransactionSettings}).
 */
public class TxauthRealmResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "txauth";

    private TransactionSettings settings = TransactionSettings.DEFAULTS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new TxauthRealmResourceProvider(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = TransactionSettings.read(config);
    }

    TransactionSettings settings() {
        return settings;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return TransactionSettings.metadata();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
