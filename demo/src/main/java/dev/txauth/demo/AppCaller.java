package dev.txauth.demo;

import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The wallet calling the demo's payment service, as an app calls its payment API: {@code Authorization: DPoP <access
 * token of mobile-app>} with a {@code DPoP} proof of the token's key carrying {@code ath} (RFC 9449 §7). Keycloak's own
 * bearer authenticator checks the token, the session, the proof (signature, {@code htm}/{@code htu}, age, replay,
 * {@code ath}) and that the proof's key is the token's {@code cnf.jkt}; on top, the token must be the app's and
 * DPoP-bound. A real payment service would do the same with a JOSE library and introspection.
 */
record AppCaller(UserModel user, AccessToken token) {

    static final String APP_CLIENT = "mobile-app";

    static AppCaller authenticate(KeycloakSession session) {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "DPoP ", 0, 5)) {
            throw unauthorized("Send the wallet's access token as Authorization: DPoP <token> with a DPoP proof");
        }
        AuthenticationManager.AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException e) {
            // Keycloak throws on a bad proof (NotAuthorizedException); the page only needs to know it was refused.
            throw unauthorized("The token or its DPoP proof was refused: sign in again");
        }
        if (result == null || result.user() == null) {
            throw unauthorized("The token or its DPoP proof was refused: sign in again");
        }
        AccessToken token = result.token();
        if (!APP_CLIENT.equals(token.getIssuedFor()) || token.getConfirmation() == null
                || token.getConfirmation().getKeyThumbprint() == null) {
            throw unauthorized("Only mobile-app's DPoP-bound tokens are accepted here");
        }
        return new AppCaller(result.user(), token);
    }

    String jkt() {
        return token.getConfirmation().getKeyThumbprint();
    }

    /** A flat claim of the transaction token (docs/api.md §5), or null. */
    String claim(String name) {
        Object value = token.getOtherClaims().get(name);
        return value == null ? null : String.valueOf(value);
    }

    private static DemoError unauthorized(String description) {
        return new DemoError(401, "invalid_token", description);
    }
}
