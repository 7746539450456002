package dev.txauth.controls.selfservice;

import dev.txauth.devices.DeviceBinding;
import dev.txauth.devices.DeviceBindings;
import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls {@code /realms/{realm}/txauth/me/...} (docs/api.md §8): the user of a DPoP-bound access token sent as
 * {@code Authorization: DPoP} with a proof of its key carrying {@code ath} (RFC 9449 §7). Keycloak's own bearer
 * authenticator checks the token, the proof (signature, {@code htm}/{@code htu}, age, replay, {@code ath}) and the
 * binding; on top, the token must be DPoP-bound and, for the app (a client requiring DPoP) when the user has a bound
 * phone, bound to that phone's key.
 */
record SelfServiceCaller(UserModel user, AccessToken token) {

    /** LoA ≥ 2 (docs/api.md §2): what "after multi-factor authentication" means for a change. */
    private static final Set<String> MFA_ACRS = Set.of("mfa", "transaction");

    static Optional<SelfServiceCaller> authenticate(KeycloakSession session, RealmModel realm) {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "DPoP ", 0, 5)) {
            return Optional.empty();
        }
        AuthenticationManager.AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null || result.user() == null) {
            return Optional.empty();
        }
        AccessToken token = result.token();
        String jkt = token.getConfirmation() == null ? null : token.getConfirmation().getKeyThumbprint();
        if (jkt == null) {
            return Optional.empty();
        }
        // the app's tokens must come from the bound phone; the self-service page's key is its browser tab's
        boolean appClient = result.client() != null
                && OIDCAdvancedConfigWrapper.fromClientModel(result.client()).isUseDPoP();
        Optional<DeviceBinding> bound = DeviceBindings.current(session, realm, result.user());
        if (appClient && bound.isPresent() && !bound.get().jkt().equals(jkt)) {
            return Optional.empty();
        }
        return Optional.of(new SelfServiceCaller(result.user(), token));
    }

    /** The token comes from an authentication at LoA ≥ 2 no older than {@code fresh}. */
    boolean freshMfa(Duration fresh, Instant now) {
        Long authTime = token.getAuth_time();
        return token.getAcr() != null && MFA_ACRS.contains(token.getAcr()) && authTime != null
                && !Instant.ofEpochSecond(authTime).plus(fresh).isBefore(now);
    }
}
