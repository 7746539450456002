package dev.txauth.audit;

import dev.txauth.audit.stats.AuditStats;
import dev.txauth.audit.stats.AuditStatsQuery;
import dev.txauth.audit.stats.TransactionTableQuery;
import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link AuditAdminResource} under {@code /admin/realms/{realm}/txauth-audit}. It reads through the audit
 * listener's factory, so both use the same database settings.
 */
public class AuditAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider,
        StatelessFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "txauth-audit";

    private TransactionTableQuery transactions;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        AuditEventListenerProviderFactory listener = (AuditEventListenerProviderFactory) session
                .getKeycloakSessionFactory().getProviderFactory(EventListenerProvider.class,
                        AuditEventListenerProviderFactory.PROVIDER_ID);
        return new AuditAdminResource(realm, auth, listener.queries(), listener.keys(), listener.checkpointFile(),
                new AuditStats(new AuditStatsQuery(listener.queries().source()), transactions), transactions);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // txauth_transaction is always in Keycloak's database, whichever database the audit rows go to.
        transactions = new TransactionTableQuery(KeycloakDatabase.from(factory));
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
