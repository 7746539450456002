package dev.txauth.authenticators.device;

import dev.txauth.authenticators.confirm.code.CodeOffer;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.text.NewDeviceSmsText;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The new-device alert by SMS too (docs/api.md §6, §9), when the user has a verified phone and a gateway is
 * configured: the same offer rule as the confirmation codes. Like the email, it never fails the login; the
 * dispatcher counts and logs (masked) what became of it.
 */
final class DeviceAlertSms {

    private DeviceAlertSms() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, String deviceLabel) {
        CodeOffer offer = CodeOffer.of(session, realm, user);
        if (offer.phone() == null) {
            return;
        }
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        SmsDispatcherFactory.dispatcher(session).send(new SmsMessage(offer.phone(),
                NewDeviceSmsText.render(realmName, deviceLabel)));
    }
}
