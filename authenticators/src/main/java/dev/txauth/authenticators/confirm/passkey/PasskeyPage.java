package dev.txauth.authenticators.confirm.passkey;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The values the confirmation page puts on {@code form#txauth-confirm-form} for {@code txauth-passkey.js}, all plain
 * ASCII (base64url, host names, policy words), so they are safe in an HTML attribute once the template escapes them.
 *
 * @param challenge        {@code data-challenge}: base64url of {@link TransactionChallenge#compute}
 * @param rpId             {@code data-rp-id}
 * @param credentialIds    {@code data-credential-ids}: the user's credential ids, base64url, comma-separated
 * @param userVerification {@code data-user-verification}: the policy's requirement (required / preferred /
 *                         discouraged), or empty when the policy leaves it unspecified
 */
public record PasskeyPage(String challenge, String rpId, String credentialIds, String userVerification) {

    static PasskeyPage of(byte[] challenge, String rpId, List<byte[]> credentialIds, String userVerification) {
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        String uv = userVerification == null || "not specified".equalsIgnoreCase(userVerification)
                ? "" : userVerification;
        return new PasskeyPage(b64url.encodeToString(challenge), rpId,
                credentialIds.stream().map(b64url::encodeToString).collect(Collectors.joining(",")), uv);
    }
}
