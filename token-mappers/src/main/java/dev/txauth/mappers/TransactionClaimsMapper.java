package dev.txauth.mappers;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the transaction the user just approved into the access token and introspection response. It reads what the
 * step-up authenticator left on the client session, so a token for any other authentication carries nothing.
 */
public class TransactionClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "txauth-transaction-claims";
    /** Client-session note written by the transaction authenticator when the user approves. */
    public static final String APPROVED_TRANSACTION_ID_NOTE = "txauth.approved.transaction_id";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TransactionClaimsMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String transactionId = clientSessionCtx.getClientSession().getNote(APPROVED_TRANSACTION_ID_NOTE);
        if (transactionId != null) {
            token.getOtherClaims().put("txn_id", transactionId);
        }
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "txauth transaction claims";
    }

    @Override
    public String getHelpText() {
        return "Adds the transaction the user approved in this authentication (txn_* claims).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
