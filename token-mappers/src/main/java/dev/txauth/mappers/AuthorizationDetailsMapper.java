package dev.txauth.mappers;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.AuthorizationDetailsJSONRepresentation;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9396 {@code authorization_details} for the approved transaction: in the one access token the approval is
 * bound to, in its introspection, and in the token response (section 7).
 * <p>
 * The claim is written as an "other claim", not through {@code AccessToken.setAuthorizationDetails}: Keycloak copies
 * that typed field into the refresh token, and a refreshed token must never carry the transaction (docs/api.md §5).
 */
public class AuthorizationDetailsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper, OIDCAccessTokenResponseMapper {

    public static final String PROVIDER_ID = "txauth-authorization-details";
    static final String CLAIM = "authorization_details";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AuthorizationDetailsMapper.class);
        TransactionLifetime.addConfig(CONFIG);
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInAccessToken(mapping)) {
            TransactionTokenBinding.forAccessToken(token, ctx, session).ifPresent(approved -> {
                token.getOtherClaims().put(CLAIM, List.of(approved.detail()));
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
            TransactionTokenBinding.forIntrospection(token, ctx)
                    .ifPresent(approved -> token.getOtherClaims().put(CLAIM, List.of(approved.detail())));
        }
        return token;
    }

    @Override
    public AccessTokenResponse transformAccessTokenResponse(AccessTokenResponse response, ProtocolMapperModel mapping,
                                                            KeycloakSession session, UserSessionModel userSession,
                                                            ClientSessionContext ctx) {
        // RFC 9396 section 7 makes the granted details part of the token response whatever the admin switch says.
        TransactionTokenBinding.forTokenResponse(ctx).ifPresent(approved -> {
            try {
                response.setAuthorizationDetails(List.of(JsonSerialization.readValue(approved.canonicalDetail(),
                        AuthorizationDetailsJSONRepresentation.class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return response;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "txauth authorization_details";
    }

    @Override
    public String getHelpText() {
        return "RFC 9396 authorization_details of the transaction approved in this authentication (never after refresh).";
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
