package dev.txauth.authenticators.enrolment;

import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegisterFactory;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.Set;

/**
 * What counts as a second factor, and which required actions enrol one. One list for the enrolment gate and the
 * factor-added alert, so a new factor (phone, docs/api.md §9) is added in one place.
 */
public final class SecondFactorEnrolment {

    /** Credential types that pass level 2 (or replace it: recovery codes). */
    public static final Set<String> FACTOR_TYPES = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS, RecoveryAuthnCodesCredentialModel.TYPE);

    /** Application-initiated actions ({@code kc_action}) that add such a credential. */
    public static final Set<String> ENROLMENT_ACTIONS = Set.of(UserModel.RequiredAction.CONFIGURE_TOTP.name(),
            WebAuthnRegisterFactory.PROVIDER_ID, WebAuthnPasswordlessRegisterFactory.PROVIDER_ID,
            UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES.name());

    private SecondFactorEnrolment() {
    }

    public static boolean isEnrolment(String kcAction) {
        return kcAction != null && ENROLMENT_ACTIONS.contains(kcAction);
    }

    public static boolean hasFactor(UserModel user) {
        return user != null && FACTOR_TYPES.stream()
                .anyMatch(type -> user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent());
    }
}
