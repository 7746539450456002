package dev.txauth.devices;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one home of the bound-device lifecycle (docs/api.md §8): bind a key (signing out every other session of the
 * user, the previous phone's included, cluster-wide through Keycloak's session removal, and alerting the user by
 * {@link NewDeviceAlert}), unbind it, and the events
 * {@code TXAUTH_DEVICE_BOUND} / {@code TXAUTH_DEVICE_UNBOUND}. The login flow step and the admin API both call here.
 */
public final class DeviceBindings {

    /** The new-device alert (theme txauth: email/{html,text}/txauth-new-device.ftl), also sent for a new phone. */
    public static final String NEW_DEVICE_TEMPLATE = "txauth-new-device.ftl";
    public static final String NEW_DEVICE_SUBJECT = "txauthNewDeviceSubject";

    private static final Logger LOG = Logger.getLogger(DeviceBindings.class);

    private DeviceBindings() {
    }

    public static Optional<DeviceBinding> current(KeycloakSession session, RealmModel realm, UserModel user) {
        return new DeviceBindingStore(session).find(realm.getId(), user.getId());
    }

    /**
     * Binds {@code jkt}. When another key was bound, every user session except {@code keepSessionId} (the browser
     * session of this very login, if it has one) is removed, so the old key's refresh tokens stop working, and the
     * user is alerted. Both cases start the cooling period ({@code bound_at}).
     */
    public static DeviceBinding bind(KeycloakSession session, RealmModel realm, UserModel user, String jkt,
                                     String keepSessionId, String ip) {
        Optional<DeviceBinding> previous = current(session, realm, user);
        Instant now = Instant.now();
        DeviceBinding binding = new DeviceBindingStore(session).bind(realm.getId(), user.getId(), jkt, now);
        if (previous.isPresent() && !previous.get().jkt().equals(jkt)) {
            List<UserSessionModel> others = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> !s.getId().equals(keepSessionId)).toList();
            others.forEach(s -> session.sessions().removeUserSession(realm, s));
            session.sessions().getOfflineUserSessionsStream(realm, user).toList()
                    .forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            LOG.infof("txauth device rebound realm=%s user=%s: %d session(s) signed out", realm.getName(),
                    user.getId(), others.size());
            event(session, realm, user, TxauthEvent.DEVICE_UNBOUND, previous.get(), null);
            NewDeviceAlert.phone(session, realm, user, ip, now);
        }
        event(session, realm, user, TxauthEvent.DEVICE_BOUND, binding, null);
        return binding;
    }

    /** Admin unbind of binding {@code bindingId}; false when the user has no binding of that id. */
    public static boolean unbind(KeycloakSession session, RealmModel realm, UserModel user, String bindingId,
                                 String adminUserId) {
        Optional<DeviceBinding> binding = current(session, realm, user).filter(b -> b.id().equals(bindingId));
        if (binding.isEmpty() || !new DeviceBindingStore(session).unbind(realm.getId(), user.getId(), bindingId)) {
            return false;
        }
        event(session, realm, user, TxauthEvent.DEVICE_UNBOUND, binding.get(), adminUserId);
        return true;
    }

    private static void event(KeycloakSession session, RealmModel realm, UserModel user, TxauthEvent type,
                              DeviceBinding binding, String adminUserId) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(EventDetails.TXAUTH_EVENT, type.wireValue())
                .detail(EventDetails.DEVICE_ID, binding.id())
                .detail(EventDetails.DEVICE_JKT, binding.jkt());
        if (adminUserId != null) {
            event.detail(EventDetails.ADMIN_USER_ID, adminUserId);
        }
        event.success();
    }
}
