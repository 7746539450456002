package dev.txauth.authenticators.confirm.code;

import dev.txauth.sms.VerifiedPhone;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.phone.PhoneMask;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * Which code channels a user can be offered (docs/api.md §9): SMS when the user has a {@link VerifiedPhone} (valid
 * number, verified, a gateway configured); email when the address is verified and
 * the realm has SMTP settings. A channel that could not deliver is never shown.
 *
 * @param phone null when SMS is not offered
 * @param email null when email is not offered
 */
public record CodeOffer(E164Number phone, String email) {

    public static CodeOffer of(KeycloakSession session, RealmModel realm, UserModel user) {
        return new CodeOffer(VerifiedPhone.of(session, user).orElse(null),
                user.isEmailVerified() && user.getEmail() != null && realm.getSmtpConfig() != null
                        && !realm.getSmtpConfig().isEmpty() ? user.getEmail() : null);
    }

    public boolean any() {
        return phone != null || email != null;
    }

    /** Where a code of this channel goes, in the form the destination cap hashes. */
    public Optional<String> destination(CodeChannel channel) {
        return Optional.ofNullable(channel == CodeChannel.SMS ? (phone == null ? null : phone.value()) : email);
    }

    /** {@code •••• 1234}, for the page's button. */
    public String maskedPhone() {
        return phone == null ? null : PhoneMask.forPage(phone);
    }
}
