package dev.txauth.authenticators.risk;

import dev.txauth.sms.VerifiedPhone;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** Which second factors a user has registered, as the step-up sub-flows can use them. */
final class SecondFactors {

    static final String OTP = "otp";
    /** What Keycloak's webauthn-authenticator (the passkey step in txauth's flows) verifies. */
    static final String WEBAUTHN = "webauthn";
    static final String WEBAUTHN_PASSWORDLESS = "webauthn-passwordless";

    private SecondFactors() {
    }

    static boolean hasPasskey(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(WEBAUTHN).findAny().isPresent();
    }

    /** TOTP, a passkey, or a verified phone that {@code txauth-sms-login-code} can send a code to. */
    static boolean hasAny(KeycloakSession session, UserModel user) {
        return hasPasskey(user) || user.credentialManager().getStoredCredentialsByTypeStream(OTP).findAny().isPresent()
                || VerifiedPhone.of(session, user).isPresent();
    }
}
