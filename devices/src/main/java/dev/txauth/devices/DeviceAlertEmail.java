package dev.txauth.devices;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Map;

/** "A new device can now sign in to your account" (template {@value #TEMPLATE}), sent through {@link UserAlertEmail}. */
public final class DeviceAlertEmail {

    static final String TEMPLATE = "txauth-new-device.ftl";
    static final String SUBJECT_KEY = "txauthNewDeviceSubject";

    private DeviceAlertEmail() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String label, String ip, Instant when) {
        UserAlertEmail.send(session, realm, user, TEMPLATE, SUBJECT_KEY, Map.of("deviceLabel", label == null ? "" : label,
                "ipAddress", ip == null ? "" : ip, "when", UserAlertEmail.when(when)));
    }
}
