package dev.txauth.mappers.acr;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.txauth.mappers.TransactionTokenBinding;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code acr=transaction} on the one token an approval is bound to (docs/api.md §5) and off every other token.
 * <p>
 * Keycloak's own {@code oidc-acr-mapper} reads the LoA from the client session, which stays at 3 after a confirmation;
 * so without this mapper a refreshed token (and its introspection) claims {@code transaction} for the whole session,
 * with no {@code txn_*} to say which payment. This mapper runs after it ({@link #getPriority()}) and lowers such a
 * claim to {@link RefreshLevel#below}: the access token keeps {@code transaction} only when it is the token the
 * approval is bound to, the ID token only in that same token response.
 */
public class TransactionAcrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "txauth-transaction-acr";
    /** The acr of the per-transaction level (docs/api.md §2). */
    public static final String TRANSACTION_ACR = "transaction";
    /** After Keycloak's acr mapper (priority 0) and every built-in priority (≤ 50). */
    static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(TransactionAcrMapper.class);
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TransactionAcrMapper.class);
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInAccessToken(mapping) && !TransactionTokenBinding.isBoundTo(token, ctx)) {
            lower(token, userSession, ctx);
        }
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mapping,
                                                   KeycloakSession session, UserSessionModel userSession,
                                                   ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInIntrospection(mapping) && !TransactionTokenBinding.isBoundTo(token, ctx)) {
            lower(token, userSession, ctx);
        }
        return token;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext ctx) {
        // Keycloak builds the access token before the ID token: the ID token keeps the level only in the response
        // whose access token the approval was just bound to.
        if (OIDCAttributeMapperHelper.includeInIDToken(mapping)
                && TransactionTokenBinding.forTokenResponse(ctx).isEmpty()) {
            lower(token, userSession, ctx);
        }
        return token;
    }

    private static void lower(IDToken token, UserSessionModel userSession, ClientSessionContext ctx) {
        if (!TRANSACTION_ACR.equals(token.getAcr())) {
            return;
        }
        Map<String, Integer> acrLevels = AcrUtils.getAcrLoaMap(ctx.getClientSession().getClient());
        RefreshLevel.below(acrLevels, TRANSACTION_ACR, levelsReached(userSession)).ifPresent(acr -> {
            LOG.debugf("acr %s lowered to %s for a token not bound to the approval (client %s)", TRANSACTION_ACR, acr,
                    ctx.getClientSession().getClient().getClientId());
            token.setAcr(acr);
        });
    }

    /** Keycloak's LoA map on the user session (level → auth time), written by the conditional-LoA step. */
    private static Set<Integer> levelsReached(UserSessionModel userSession) {
        String note = userSession == null ? null : userSession.getNote(Constants.LOA_MAP);
        if (note == null || note.isBlank()) {
            return Set.of();
        }
        try {
            Map<Integer, Integer> levels = JsonSerialization.readValue(note, new TypeReference<Map<Integer, Integer>>() {
            });
            return levels.keySet();
        } catch (IOException e) {
            return Set.of();
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "txauth transaction acr";
    }

    @Override
    public String getHelpText() {
        return "acr=transaction only on the token bound to the approval; a refreshed token claims the session's level "
                + "below it (mfa or login). Must run with Keycloak's acr mapper.";
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
