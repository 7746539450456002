package dev.txauth.devices;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/realms/{realm}/txauth-devices}: what an admin (or support agent) sees of a user's known devices, and
 * the "forget this device" action after a lost phone. The bound app key (docs/api.md §8) is listed with
 * {@code "bound": true}; deleting it unbinds it, so the next login that passes a second factor binds afresh. Authorised like Keycloak's own user endpoints: listing needs
 * view-users, forgetting needs manage-users (fine-grained permissions apply when enabled).
 */
public class DeviceAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    DeviceAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("users/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(@PathParam("userId") String userId) {
        UserModel user = user(userId, false);
        List<Map<String, Object>> devices = new ArrayList<>();
        new DeviceBindingStore(session).find(realm.getId(), user.getId()).map(DeviceAdminResource::view)
                .ifPresent(devices::add);
        new DeviceStore(session).list(realm.getId(), user.getId()).stream().map(DeviceAdminResource::view)
                .forEach(devices::add);
        return devices;
    }

    @DELETE
    @Path("users/{userId}/devices/{deviceId}")
    public Response forget(@PathParam("userId") String userId, @PathParam("deviceId") String deviceId) {
        UserModel user = user(userId, true);
        String adminId = auth.adminAuth().getUser().getId();
        if (DeviceBindings.unbind(session, realm, user, deviceId, adminId)) {
            return Response.noContent().build();
        }
        if (!new DeviceStore(session).forget(realm.getId(), user.getId(), deviceId)) {
            throw new NotFoundException("Device not found");
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(EventDetails.TXAUTH_EVENT, TxauthEvent.DEVICE_FORGOTTEN.wireValue())
                .detail(EventDetails.DEVICE_ID, deviceId)
                .detail(EventDetails.ADMIN_USER_ID, adminId)
                .success();
        return Response.noContent().build();
    }

    /** 403 before 404: a caller without the role learns nothing about which users exist. */
    private UserModel user(String userId, boolean manage) {
        if (manage) {
            auth.users().requireManage();
        } else {
            auth.users().requireView();
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            throw new NotFoundException("User not found");
        }
        if (manage) {
            auth.users().requireManage(user);
        } else {
            auth.users().requireView(user);
        }
        return user;
    }

    private static Map<String, Object> view(KnownDevice device) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", device.id());
        json.put("label", device.label());
        json.put("firstSeen", device.firstSeen() == null ? null : device.firstSeen().toString());
        json.put("lastSeen", device.lastSeen() == null ? null : device.lastSeen().toString());
        json.put("lastIp", device.lastIp());
        json.put("trustedAt", device.trustedAt() == null ? null : device.trustedAt().toString());
        json.put("bound", false);
        return json;
    }

    /** docs/api.md §8: the bound app key, listed first; its thumbprint is public (the key's hash), never the key. */
    private static Map<String, Object> view(DeviceBinding binding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", binding.id());
        json.put("label", "Mobile app (DPoP key)");
        json.put("jkt", binding.jkt());
        json.put("boundAt", binding.boundAt().toString());
        json.put("bound", true);
        return json;
    }
}
