package dev.txauth.authenticators.transaction.rar;

import dev.txauth.authenticators.transaction.detail.PaymentDetail;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessorFactory;

/**
 * Registers {@link PaymentInitiationProcessor}. Keycloak 26.7.3 keys processors by factory id and lists the ids in
 * discovery's {@code authorization_details_types_supported}, so the id IS the RFC 9396 type.
 */
public class PaymentInitiationProcessorFactory implements AuthorizationDetailsProcessorFactory {

    public static final String PROVIDER_ID = PaymentDetail.TYPE;

    @Override
    public AuthorizationDetailsProcessor<?> create(KeycloakSession session) {
        return new PaymentInitiationProcessor(session);
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
