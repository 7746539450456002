package dev.txauth.authenticators.confirm;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCRedirectUriBuilder;
import org.keycloak.protocol.oidc.utils.OIDCResponseMode;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Ends the authorization request with an OAuth error at the client's redirect URI, in the response mode it asked
 * for, with {@code state} and {@code iss} (RFC 9207), as Keycloak's own protocol errors do. Keycloak's
 * {@code LoginProtocol.Error} has no {@code invalid_authorization_details}, hence this small builder.
 */
final class FlowEnd {

    static final String ACCESS_DENIED = "access_denied";
    static final String INVALID_AUTHORIZATION_DETAILS = "invalid_authorization_details";

    private FlowEnd() {
    }

    static Response redirect(KeycloakSession session, AuthenticationSessionModel authSession, String error,
                             String description) {
        RealmModel realm = authSession.getRealm();
        OIDCResponseMode mode = OIDCResponseMode.parse(
                authSession.getClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM),
                OIDCResponseType.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM)));
        OIDCRedirectUriBuilder uri = OIDCRedirectUriBuilder.fromUri(authSession.getRedirectUri(), mode, session, null)
                .addParam(OAuth2Constants.ERROR, error)
                .addParam(OAuth2Constants.ERROR_DESCRIPTION, description);
        String state = authSession.getClientNote(OIDCLoginProtocol.STATE_PARAM);
        if (state != null) {
            uri.addParam(OAuth2Constants.STATE, state);
        }
        uri.addParam(OAuth2Constants.ISSUER, Urls.realmIssuer(session.getContext().getUri().getBaseUri(),
                realm.getName()));
        // The browser tab is done with this request: a replayed form post must not resume it.
        new AuthenticationSessionManager(session).removeTabIdInAuthenticationSession(realm, authSession);
        return uri.build();
    }
}
