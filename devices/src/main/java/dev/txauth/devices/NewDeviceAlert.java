package dev.txauth.devices;

import dev.txauth.model.alert.UserAlertEmail;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.VerifiedPhone;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.text.NewDeviceSmsText;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one dispatcher of the new-device alert (docs/api.md §6, §8, §9), for both triggers: a browser that became a
 * known device ({@code txauth-device-trust}) and the app moved to another phone ({@link DeviceBindings#bind}). It
 * sends the email (theme template {@code txauth-new-device.ftl}, English or French) and, when the user has a
 * {@link VerifiedPhone}, the same alert as one GSM-7 SMS through {@code txauth-sms-sender}.
 * <p>
 * Alert SMS are not payment codes: they are not counted in {@code txauth_code}, so they never use up a user's code
 * caps (§9); what bounds them is that each one follows a second factor the user passed. Like the email, a failed SMS
 * is counted and logged (number masked) by the dispatcher and never fails the login.
 */
public final class NewDeviceAlert {

    private static final Logger LOG = Logger.getLogger(NewDeviceAlert.class);

    private NewDeviceAlert() {
    }

    /** A browser device of the user, named by its user-agent family ({@code Chrome on Android}). */
    public static void browser(KeycloakSession session, RealmModel realm, UserModel user, String deviceLabel,
                               String ip, Instant when) {
        send(session, realm, user, Map.of("deviceLabel", deviceLabel), NewDeviceSmsText.render(realmName(realm),
                deviceLabel), ip, when);
    }

    /** The app on a new phone: the old phone was signed out (§8). */
    public static void phone(KeycloakSession session, RealmModel realm, UserModel user, String ip, Instant when) {
        // the template names the device from its own bundle (txauthNewDevicePhone), in the user's language
        send(session, realm, user, Map.of("deviceLabel", "", "newPhone", Boolean.TRUE),
                NewDeviceSmsText.newPhone(realmName(realm)), ip, when);
    }

    private static void send(KeycloakSession session, RealmModel realm, UserModel user, Map<String, Object> email,
                             String smsText, String ip, Instant when) {
        UserAlertEmail.send(session, realm, user, DeviceBindings.NEW_DEVICE_SUBJECT,
                DeviceBindings.NEW_DEVICE_TEMPLATE, email, ip, when);
        Optional<E164Number> phone = VerifiedPhone.of(session, user);
        if (phone.isEmpty()) {
            LOG.debugf("txauth new-device alert realm=%s user=%s: no verified phone, no SMS", realm.getName(),
                    user.getId());
            return;
        }
        try {
            SmsDispatcherFactory.dispatcher(session).send(new SmsMessage(phone.get(), smsText));
        } catch (RuntimeException e) {
            LOG.warnf("txauth new-device alert SMS failed realm=%s user=%s: %s", realm.getName(), user.getId(),
                    e.getClass().getSimpleName());
        }
    }

    private static String realmName(RealmModel realm) {
        return realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
    }
}
