package dev.txauth.devices;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "A new device can now sign in to your account": rendered by Keycloak's email templates from the realm's email theme
 * (txauth: email/{html,text}/txauth-new-device.ftl, English and French) and sent with the realm's SMTP settings.
 * A mail failure never fails the login; it is logged without the address.
 */
public final class DeviceAlertEmail {

    static final String TEMPLATE = "txauth-new-device.ftl";
    static final String SUBJECT_KEY = "txauthNewDeviceSubject";
    private static final Logger LOG = Logger.getLogger(DeviceAlertEmail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DeviceAlertEmail() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String label, String ip, Instant when) {
        if (user.getEmail() == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            LOG.debugf("txauth new-device email skipped realm=%s user=%s: no address or no SMTP", realm.getName(),
                    user.getId());
            return;
        }
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        try {
            // mutable: the template provider adds locale, user, realm... to the same map
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("deviceLabel", label);
            attributes.put("ipAddress", ip == null ? "" : ip);
            attributes.put("when", WHEN.format(when));
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(SUBJECT_KEY, List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException | RuntimeException e) {
            LOG.warnf("txauth new-device email failed realm=%s user=%s: %s", realm.getName(), user.getId(),
                    e.getMessage());
        }
    }
}
