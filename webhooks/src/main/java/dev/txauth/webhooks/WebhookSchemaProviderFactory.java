package dev.txauth.webhooks;

import dev.txauth.model.provider.StatelessFactory;
import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Lets Keycloak's Liquibase create {@code txauth_webhook_endpoint} and the outbox {@code txauth_webhook_delivery} in
 * Keycloak's own database: the outbox must live there, because its rows are written in the same transaction as the
 * event they report (docs/api.md §11).
 */
public class WebhookSchemaProviderFactory implements JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "txauth-webhook";
    static final String CHANGELOG = "META-INF/txauth-webhook-changelog.xml";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
