package dev.txauth.transactions;

import dev.txauth.model.TxauthEvent;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The per-user failure limit of PSD2 RTS Art. 4(3)(b) (docs/transactions.md "Failure limit", docs/api.md §4): after
 * {@link TransactionSettings#maxFailures()} consecutive failed confirmations, whatever the transaction or factor, the
 * user may not confirm any payment until the block time has passed; a successful confirmation resets the count.
 * The per-transaction lock stays as well: it ends one transaction, this stops guessing across new ones.
 * <p>
 * Kept in PostgreSQL ({@link ConfirmationFailureStore}) rather than Keycloak's single-use store: that store has no
 * atomic increment, so concurrent wrong codes on two nodes could both read 4 and write 5; the conditional statements
 * here are counted under the row lock, and the count survives a restart of every node.
 */
public final class ConfirmationLimit {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final int maxFailures;
    private final ConfirmationFailureStore store;

    private ConfirmationLimit(KeycloakSession session, RealmModel realm, int maxFailures) {
        this.session = session;
        this.realm = realm;
        this.maxFailures = maxFailures;
        this.store = new ConfirmationFailureStore(session);
    }

    public static ConfirmationLimit of(KeycloakSession session, RealmModel realm) {
        return new ConfirmationLimit(session, realm, TransactionSettings.of(session).maxFailures());
    }

    /** True while the user's confirmations are blocked. */
    public boolean blocked(UserModel user) {
        return store.blockedUntil(realm.getId(), user.getId()) > Time.currentTime();
    }

    /**
     * One failed confirmation of {@code record}. When it is the last allowed one, the user is blocked for
     * {@code blockSeconds} and {@code confirmations_blocked} is emitted, once.
     *
     * @return the epoch second the block ends if this failure blocked the user, else 0
     */
    public long recordFailure(UserModel user, TransactionRecord record, long blockSeconds) {
        long now = Time.currentTime();
        if (store.countFailure(realm.getId(), user.getId(), now) < maxFailures) {
            return 0;
        }
        long until = now + blockSeconds;
        if (!store.block(realm.getId(), user.getId(), now, until)) {
            return 0;
        }
        TransactionEvents.failure(TransactionEvents.about(session, realm, user,
                        realm.getClientByClientId(record.clientId())), TxauthEvent.CONFIRMATIONS_BLOCKED, record.id(),
                "blocked");
        return until;
    }

    /** A successful confirmation: the run of failures is over. */
    public void reset(UserModel user) {
        store.reset(realm.getId(), user.getId());
    }
}
