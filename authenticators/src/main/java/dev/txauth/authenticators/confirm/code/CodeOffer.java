package dev.txauth.authenticators.confirm.code;

import dev.txauth.model.UserPhone;
import dev.txauth.sms.SmsDispatcher;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.phone.InvalidPhoneNumberException;
import dev.txauth.sms.phone.PhoneMask;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * Which code channels a user can be offered (docs/api.md §9): SMS when {@code phone_number} is a valid number,
 * {@code phone_number_verified} is {@code true} and a gateway is configured; email when the address is verified and
 * the realm has SMTP settings. A channel that could not deliver is never shown.
 *
 * @param phone null when SMS is not offered
 * @param email null when email is not offered
 */
public record CodeOffer(E164Number phone, String email) {

    public static CodeOffer of(KeycloakSession session, RealmModel realm, UserModel user) {
        return new CodeOffer(verifiedPhone(session, user).orElse(null),
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

    /** The user's phone when it is verified and a gateway could reach it: where an SMS code may go. */
    public static Optional<E164Number> verifiedPhone(KeycloakSession session, UserModel user) {
        if (!"true".equals(user.getFirstAttribute(UserPhone.VERIFIED))) {
            return Optional.empty();
        }
        return reachablePhone(session, user.getFirstAttribute(UserPhone.NUMBER));
    }

    /** {@code number} in E.164 if it is a valid number and a gateway is configured; verified or not. */
    public static Optional<E164Number> reachablePhone(KeycloakSession session, String number) {
        SmsDispatcher dispatcher = SmsDispatcherFactory.dispatcher(session);
        if (number == null || dispatcher == null || dispatcher.providers().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(dispatcher.phoneNumbers().normalize(number));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }
}
