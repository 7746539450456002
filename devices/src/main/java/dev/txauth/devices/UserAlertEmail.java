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
 * An alert to the user about their own account (a new device, paused payment confirmations): rendered by Keycloak's
 * email templates from the realm's email theme (txauth: email/{html,text}/txauth-*.ftl, English and French) and sent
 * with the realm's SMTP settings. A mail failure never fails the request; it is logged without the address.
 */
public final class UserAlertEmail {

    private static final Logger LOG = Logger.getLogger(UserAlertEmail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UserAlertEmail() {
    }

    /** A time as the alert templates show it. */
    public static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** Sends {@code template} with subject {@code subjectKey} (argument: the realm's display name). */
    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String template,
                            String subjectKey, Map<String, Object> attributes) {
        if (user.getEmail() == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            LOG.debugf("txauth %s skipped realm=%s user=%s: no address or no SMTP", template, realm.getName(),
                    user.getId());
            return;
        }
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        try {
            // mutable: the template provider adds locale, user, realm... to the same map
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(subjectKey, List.of(realmName), template, new HashMap<>(attributes));
        } catch (EmailException | RuntimeException e) {
            LOG.warnf("txauth %s failed realm=%s user=%s: %s", template, realm.getName(), user.getId(),
                    e.getMessage());
        }
    }
}
