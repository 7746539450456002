package dev.txauth.devices;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code txauth_device} through Keycloak's own transaction ({@link TxauthSql} on its connection), so a device row commits
 * or rolls back with the login that wrote it. Every lookup is by (realm_id, user_id[, device_hash]), the prefix of the
 * table's unique index: a user has a handful of rows whatever the table's size.
 */
public final class DeviceStore {

    private static final String COLUMNS =
            "id, device_hash, label, first_seen, last_seen, last_ip, last_network, trusted_at";

    /** {@link #COLUMNS} of the alias {@code d}, for the device list's join. */
    private static final String DEVICE_COLUMNS = "d." + COLUMNS.replace(", ", ", d.");

    private final TxauthSql db;
    private final DeviceBindingStore bindings;

    public DeviceStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
        this.bindings = new DeviceBindingStore(session);
    }

    /**
     * The user's devices, most recently seen first. The same statement reads the user's bound key and leaves it to
     * {@link DeviceBindingStore} for the rest of the request: the login flow asks for the binding right after the
     * risk step has listed the devices, and one round trip instead of two is ≈ 1 ms of every login (issue 15).
     */
    public List<KnownDevice> list(String realmId, String userId) {
        List<Object[]> rows = db.rows("select " + DEVICE_COLUMNS + ", b.id as binding_id,"
                + " b.jkt as binding_jkt, b.bound_at as binding_bound_at"
                + " from (select cast(?1 as varchar) as realm_id, cast(?2 as varchar) as user_id) k"
                + " left join txauth_device d on d.realm_id = k.realm_id and d.user_id = k.user_id"
                + " left join txauth_device_binding b on b.realm_id = k.realm_id and b.user_id = k.user_id"
                + " order by d.last_seen desc nulls last", realmId, userId);
        List<KnownDevice> devices = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[0] != null) {
                devices.add(new KnownDevice((String) row[0], (String) row[1], (String) row[2],
                        Timestamps.instant(row[3]), Timestamps.instant(row[4]), (String) row[5], (String) row[6],
                        Timestamps.instant(row[7])));
            }
        }
        // No device row still yields one row (the left join from k), which carries the binding or nulls.
        Object[] first = rows.get(0);
        bindings.remember(realmId, userId, first[8] == null ? Optional.empty()
                : Optional.of(new DeviceBinding((String) first[8], (String) first[9], Timestamps.instant(first[10]))));
        return devices;
    }

    public void touch(String deviceId, Instant now, String ip, String network) {
        db.update("update txauth_device set last_seen = ?1, last_ip = ?2, last_network = ?3 where id = ?4",
                Timestamp.from(now), ip, network, deviceId);
    }

    /**
     * Marks the device known for the user. Returns the new row's id when the device was not known before (the caller
     * then sends the new-device alert), empty when it only refreshed an existing row.
     */
    public Optional<String> trust(String realmId, String userId, String deviceHash, String label, Instant now,
                                  String ip, String network) {
        List<Object[]> existing = db.rows("select id, trusted_at from txauth_device"
                + " where realm_id = ?1 and user_id = ?2 and device_hash = ?3", realmId, userId, deviceHash);
        if (!existing.isEmpty()) {
            Object[] row = existing.get(0);
            db.update("update txauth_device set last_seen = ?1, last_ip = ?2, last_network = ?3,"
                    + " trusted_at = coalesce(trusted_at, ?1) where id = ?4", Timestamp.from(now), ip, network, row[0]);
            return row[1] == null ? Optional.of((String) row[0]) : Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        db.update("insert into txauth_device (" + COLUMNS + ", realm_id, user_id)"
                + " values (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?4, ?7, ?8)", id, deviceHash, label, Timestamp.from(now), ip,
                network, realmId, userId);
        return Optional.of(id);
    }

    /** Forgets one device of the user; false when the user has no device with this id (in this realm). */
    public boolean forget(String realmId, String userId, String deviceId) {
        return db.update("delete from txauth_device where id = ?1 and realm_id = ?2 and user_id = ?3", deviceId,
                realmId, userId) > 0;
    }

    /** Called when Keycloak removes a user, so no device outlives its owner. */
    public void forgetAll(String realmId, String userId) {
        db.update("delete from txauth_device where realm_id = ?1 and user_id = ?2", realmId, userId);
    }
}
