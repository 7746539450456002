package dev.txauth.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.model.PaymentInitiation;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flat claims of the approved transaction for resource servers that do not parse RFC 9396: {@code txn_id},
 * {@code txn_amount}, {@code txn_currency}, {@code txn_destination} and {@code txn_hash} (names configurable), in the
 * one access token the approval is bound to and its introspection. The token's lifetime is capped too.
 */
public class TransactionClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "txauth-transaction-claims";

    static final Map<String, String> CLAIM_NAME_DEFAULTS = Map.of(
            "claim.name.id", "txn_id", "claim.name.amount", "txn_amount", "claim.name.currency", "txn_currency",
            "claim.name.destination", "txn_destination", "claim.name.hash", "txn_hash");

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        for (String key : List.of("claim.name.id", "claim.name.amount", "claim.name.currency",
                "claim.name.destination", "claim.name.hash")) {
            String claim = CLAIM_NAME_DEFAULTS.get(key);
            CONFIG.add(new ProviderConfigProperty(key, "Claim name: " + claim,
                    "Name of the claim that carries " + claim + ".", ProviderConfigProperty.STRING_TYPE, claim));
        }
        TransactionLifetime.addConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TransactionClaimsMapper.class);
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInAccessToken(mapping)) {
            TransactionTokenBinding.forAccessToken(token, ctx, session).ifPresent(approved -> {
                putClaims(token, mapping, approved);
                TransactionTokenBinding.limitLifetime(token, TransactionLifetime.of(mapping));
            });
        }
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mapping,
                                                   KeycloakSession session, UserSessionModel userSession,
                                                   ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInIntrospection(mapping)) {
            TransactionTokenBinding.forIntrospection(token, ctx).ifPresent(approved -> putClaims(token, mapping,
                    approved));
        }
        return token;
    }

    private static void putClaims(AccessToken token, ProtocolMapperModel mapping, ApprovedTransaction approved) {
        JsonNode amount = approved.detail().path(PaymentInitiation.INSTRUCTED_AMOUNT);
        Map<String, Object> claims = token.getOtherClaims();
        claims.put(name(mapping, "claim.name.id"), approved.id());
        claims.put(name(mapping, "claim.name.amount"), amount.path(PaymentInitiation.AMOUNT).asText());
        claims.put(name(mapping, "claim.name.currency"), amount.path(PaymentInitiation.CURRENCY).asText());
        claims.put(name(mapping, "claim.name.destination"), approved.destination());
        claims.put(name(mapping, "claim.name.hash"), approved.hash());
    }

    private static String name(ProtocolMapperModel mapping, String key) {
        String configured = mapping.getConfig() == null ? null : mapping.getConfig().get(key);
        return configured == null || configured.isBlank() ? CLAIM_NAME_DEFAULTS.get(key) : configured.trim();
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
        return "Adds the transaction the user approved in this authentication (txn_* claims), never after refresh.";
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
