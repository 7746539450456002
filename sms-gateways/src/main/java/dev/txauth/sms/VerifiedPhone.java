package dev.txauth.sms;

import dev.txauth.model.UserPhone;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.phone.InvalidPhoneNumberException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * The one rule for whether a text message may go to a user (docs/api.md §9): {@code phone_number} is a valid number,
 * {@code phone_number_verified} is {@code true} and a gateway is configured. The confirmation page's SMS offer and the
 * SMS alerts both ask here, so a number that could not receive a code never receives an alert either.
 */
public final class VerifiedPhone {

    private VerifiedPhone() {
    }

    public static Optional<E164Number> of(KeycloakSession session, UserModel user) {
        if (!"true".equals(user.getFirstAttribute(UserPhone.VERIFIED))) {
            return Optional.empty();
        }
        return reachable(session, user.getFirstAttribute(UserPhone.NUMBER));
    }

    /**
     * {@code number} in E.164 if it is a valid number and a gateway is configured, verified or not: where the code
     * that verifies a phone (txauth-verify-phone) may go.
     */
    public static Optional<E164Number> reachable(KeycloakSession session, String number) {
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
