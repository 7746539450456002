package dev.txauth.devices;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code txauth_device_binding} through Keycloak's own transaction: a bind commits or rolls back with the login that
 * made it. The table's primary key (realm_id, user_id) holds at most one bound key per user on every node; a rebind
 * is a single upsert, so two concurrent binds end with one of them, never two rows.
 * <p>
 * A login asks for the user's binding several times (the device-key condition, the binding step, the payment
 * controls): the row is read once per Keycloak session, i.e. per request and its transaction, and every write through
 * this class forgets that read, so a request always sees its own changes (issue 15: these reads were a fifth of
 * txauth's database waits on a login).
 */
public final class DeviceBindingStore {

    private static final String READ_PREFIX = "txauth.device-binding:";

    private final KeycloakSession session;
    private final TxauthSql db;

    public DeviceBindingStore(KeycloakSession session) {
        this.session = session;
        this.db = TxauthSql.of(session);
    }

    public Optional<DeviceBinding> find(String realmId, String userId) {
        String key = READ_PREFIX + realmId + "/" + userId;
        @SuppressWarnings("unchecked")
        Optional<DeviceBinding> read = session.getAttribute(key, Optional.class);
        if (read == null) {
            read = read(realmId, userId);
            remember(realmId, userId, read);
        }
        return read;
    }

    /** Keeps a binding read along with another statement ({@link DeviceStore#list}) as this request's read. */
    void remember(String realmId, String userId, Optional<DeviceBinding> binding) {
        session.setAttribute(READ_PREFIX + realmId + "/" + userId, binding);
    }

    private void forgetRead(String realmId, String userId) {
        session.removeAttribute(READ_PREFIX + realmId + "/" + userId);
    }

    private Optional<DeviceBinding> read(String realmId, String userId) {
        List<Object[]> rows = db.rows("select id, jkt, bound_at from txauth_device_binding"
                + " where realm_id = ?1 and user_id = ?2", realmId, userId);
        return rows.stream().findFirst().map(row -> new DeviceBinding((String) row[0], (String) row[1],
                Timestamps.instant(row[2])));
    }

    /** Binds {@code jkt} for the user, replacing any other key; the new binding. */
    public DeviceBinding bind(String realmId, String userId, String jkt, Instant now) {
        forgetRead(realmId, userId);
        String id = UUID.randomUUID().toString();
        db.update("insert into txauth_device_binding (realm_id, user_id, id, jkt, bound_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (realm_id, user_id)"
                + " do update set id = excluded.id, jkt = excluded.jkt, bound_at = excluded.bound_at",
                realmId, userId, id, jkt, Timestamp.from(now));
        return new DeviceBinding(id, jkt, now);
    }

    /** Removes the binding with this id; false when the user has no binding of that id. */
    public boolean unbind(String realmId, String userId, String bindingId) {
        forgetRead(realmId, userId);
        return db.update("delete from txauth_device_binding where realm_id = ?1 and user_id = ?2 and id = ?3",
                realmId, userId, bindingId) > 0;
    }

    /** Called when Keycloak removes a user. */
    public void forgetAll(String realmId, String userId) {
        forgetRead(realmId, userId);
        db.update("delete from txauth_device_binding where realm_id = ?1 and user_id = ?2", realmId, userId);
    }
}
