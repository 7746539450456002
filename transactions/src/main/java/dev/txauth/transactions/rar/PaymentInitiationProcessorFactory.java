package dev.txauth.transactions.rar;

import dev.txauth.model.PaymentInitiation;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessorFactory;
import org.keycloak.representations.AuthorizationDetailsJSONRepresentation;
import org.keycloak.util.AuthorizationDetailsParser;

/**
 * Registers {@link PaymentInitiationProcessor}. Keycloak 26.7.3 keys processors by factory id and lists the ids in
 * discovery's {@code authorization_details_types_supported}, so the id IS the RFC 9396 type.
 */
public class PaymentInitiationProcessorFactory implements AuthorizationDetailsProcessorFactory {

    public static final String PROVIDER_ID = PaymentInitiation.TYPE;

    @Override
    public AuthorizationDetailsProcessor<?> create(KeycloakSession session) {
        return new PaymentInitiationProcessor(session);
    }

    @Override
    public void init(Config.Scope config) {
        // Keycloak narrows every detail of a token response to its processor's response class through this
        // registry before sending it; ours is the generic representation itself.
        AuthorizationDetailsParser.registerParser(PROVIDER_ID, new AuthorizationDetailsParser() {
            @Override
            public <T extends AuthorizationDetailsJSONRepresentation> T asSubtype(
                    AuthorizationDetailsJSONRepresentation detail, Class<T> type) {
                if (!type.isInstance(detail)) {
                    throw new IllegalArgumentException("payment_initiation is represented as " + detail.getClass());
                }
                return type.cast(detail);
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
