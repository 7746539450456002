package dev.txauth.authenticators.confirm.totp;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.dto.OTPCredentialData;

import java.time.Instant;
import java.util.Optional;

/**
 * The TOTP factor: the code must match one of the user's own Keycloak OTP credentials (digits, period and algorithm
 * of that credential, look-around window of the realm policy) and must never have been accepted before.
 * <p>
 * Single use is claimed with {@code SingleUseObjectProvider.putIfAbsent} under Keycloak's own key format
 * ({@code <credential id>.<code>}, same lifespan), so exactly one request cluster-wide wins a code, and a code already
 * used for the login itself cannot be replayed here (or the other way round). Unlike Keycloak's login form, this
 * ignores the realm's "reusable code" switch: PSD2 RTS Art. 4 wants a transaction code used once, always.
 */
public final class TotpConfirmation {

    private TotpConfirmation() {
    }

    public static boolean hasTotp(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .map(OTPCredentialModel::createFromCredentialModel)
                .anyMatch(otp -> OTPCredentialModel.TOTP.equals(otp.getOTPCredentialData().getSubType()));
    }

    /** The id of the credential that accepted the code, if one did and the code was not used before. */
    public static Optional<String> verify(KeycloakSession session, RealmModel realm, UserModel user, String code) {
        if (code == null || !code.matches("[0-9]{6,8}")) {
            return Optional.empty();
        }
        OTPPolicy policy = realm.getOTPPolicy();
        Instant now = Instant.now();
        for (CredentialModel stored : user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList()) {
            OTPCredentialModel otp = OTPCredentialModel.createFromCredentialModel(stored);
            OTPCredentialData data = otp.getOTPCredentialData();
            if (!OTPCredentialModel.TOTP.equals(data.getSubType())) {
                continue;
            }
            if (TotpCode.matches(otp.getDecodedSecret(), data.getAlgorithm(), data.getDigits(), data.getPeriod(),
                    policy.getLookAheadWindow(), code, now)) {
                long lifespan = (long) data.getPeriod() * (2L * policy.getLookAheadWindow() + 1);
                return session.singleUseObjects().putIfAbsent(stored.getId() + "." + code, lifespan)
                        ? Optional.of(stored.getId()) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
