package dev.txauth.model.alert;

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
 * A security alert to the user, rendered from the realm's email theme (txauth, English and French) with the realm's
 * display name as subject parameter, {@code when} (UTC) and {@code ipAddress}, and sent with the realm's SMTP settings.
 * No address or no SMTP: skipped. A mail failure is logged without the address and never fails what triggered it.
 */
public final class UserAlertEmail {

    private static final Logger LOG = Logger.getLogger(UserAlertEmail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UserAlertEmail() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String subjectKey,
                            String template, Map<String, Object> attributes, String ip, Instant when) {
        if (user.getEmail() == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            LOG.debugf("txauth alert %s skipped realm=%s user=%s: no address or no SMTP", template, realm.getName(),
                    user.getId());
            return;
        }
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        try {
            // mutable: the template provider adds locale, user, realm... to the same map
            Map<String, Object> all = new HashMap<>(attributes);
            all.put("ipAddress", ip == null ? "" : ip);
            all.put("when", WHEN.format(when));
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(subjectKey, List.of(realmName), template, all);
        } catch (EmailException | RuntimeException e) {
            LOG.warnf("txauth alert %s failed realm=%s user=%s: %s", template, realm.getName(), user.getId(),
                    e.getMessage());
        }
    }
}
