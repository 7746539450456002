package dev.txauth.transactions;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import dev.txauth.transactions.detail.PaymentDetail;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The one home of the transaction lifecycle (docs/api.md §3–§4): register → PENDING → APPROVED / DECLINED / LOCKED /
 * EXPIRED → CONSUMED. The registry REST resource, the confirm step, the risk step's amount lookup and the RAR processor
 * all go through it, so "load, check, expire if due, emit the event" is written once. Every transition is one
 * conditional UPDATE in {@link TransactionStore}; the event of a transition is sent only by the call that made it.
 */
public final class TransactionRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TransactionSettings settings;
    private final TransactionStore store;

    public TransactionRegistry(KeycloakSession session, RealmModel realm, TransactionSettings settings) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
        this.store = new TransactionStore(session);
    }

    /** With the settings the registry read at server start. */
    public static TransactionRegistry of(KeycloakSession session, RealmModel realm) {
        return new TransactionRegistry(session, realm, TransactionSettings.of(session));
    }

    public TransactionSettings settings() {
        return settings;
    }

    /** A new PENDING transaction of {@code user} for {@code client}, registered by the {@code initiator}. */
    public TransactionRecord register(UserModel user, ClientModel client, Actor initiator, PaymentDetail detail) {
        String id = randomId();
        long now = Time.currentTime();
        TransactionRecord record = new TransactionRecord(id, realm.getId(), user.getId(), client.getClientId(),
                initiator.clientId(), TransactionStatus.PENDING, detail.canonical(id), randomId(), 0, now,
                now + settings.pendingLifetime(), null, null, null, null);
        store.insert(record);
        TransactionEvents.success(initiator.on(TransactionEvents.about(session, realm, user, client)),
                TxauthEvent.TRANSACTION_REGISTERED, id);
        return record;
    }

    /** The transaction as its initiator may see it: only the client that registered it (else 404, docs/api.md §3). */
    public Optional<TransactionRecord> registeredBy(String initiatorClientId, String id) {
        return store.find(realm.getId(), id).filter(r -> r.initiatorClientId().equals(initiatorClientId));
    }

    /** The transaction if it is this user's and for this client, in whatever state; nothing else is ever shown. */
    public Optional<TransactionRecord> of(UserModel user, ClientModel client, String id) {
        return store.find(realm.getId(), id)
                .filter(r -> user != null && r.userId().equals(user.getId()))
                .filter(r -> client != null && r.clientId().equals(client.getClientId()));
    }

    /** What the confirm step may show: this user's pending transaction for this client, or why not. */
    public Lookup pendingFor(UserModel user, ClientModel client, String id) {
        Optional<TransactionRecord> found = of(user, client, id);
        if (found.isEmpty()) {
            return new Lookup.Unknown();
        }
        TransactionRecord record = found.get();
        boolean timedOut = record.pendingExpired(Time.currentTime());
        if (timedOut) {
            // Only the pending timeout is the confirm step's business; an approval's expiry is recorded by the
            // registry calls of the payment service (read, consume), as it always was.
            expireIfDue(record);
        }
        if (record.status() != TransactionStatus.PENDING || timedOut) {
            return new Lookup.NotPending(record, timedOut ? TransactionStatus.EXPIRED : record.status());
        }
        return new Lookup.Pending(record);
    }

    /** The transaction after expiring it if its time ran out (PENDING or APPROVED); the expiry is emitted once. */
    public TransactionRecord expireIfDue(TransactionRecord record) {
        long now = Time.currentTime();
        if (!record.pendingExpired(now) && !record.approvalExpired(now)) {
            return record;
        }
        if (store.expireIfDue(realm.getId(), record.id(), now)) {
            TransactionEvents.failure(eventFor(record), TxauthEvent.TRANSACTION_EXPIRED, record.id(), "expired");
        }
        return store.find(realm.getId(), record.id()).orElse(record);
    }

    /** The user's decision "no"; emitted only if this call ended the pending transaction. */
    public Transition decline(TransactionRecord record) {
        if (store.decline(realm.getId(), record.id(), Time.currentTime())) {
            TransactionEvents.failure(eventFor(record), TxauthEvent.TRANSACTION_DECLINED, record.id(), "declined");
            return Transition.DONE;
        }
        return Transition.NOT_PENDING;
    }

    /** One failed confirmation; the last allowed one locks the transaction (docs/api.md §4). */
    public TransactionStore.FailureOutcome recordFailure(TransactionRecord record) {
        TransactionStore.FailureOutcome outcome = store.recordFailure(realm.getId(), record.id(),
                settings.maxFailures(), Time.currentTime());
        if (outcome == TransactionStore.FailureOutcome.LOCKED) {
            TransactionEvents.failure(eventFor(record), TxauthEvent.TRANSACTION_LOCKED, record.id(), "locked");
        }
        return outcome;
    }

    /**
     * The user confirmed the pending transaction with a second factor. Empty if it was no longer pending (another tab,
     * timeout, lock): then nothing changed.
     *
     * @param userSessionId the user session this login will create (Keycloak gives it the id of the root
     *                      authentication session; the RAR processor re-binds it at the token endpoint)
     */
    public Optional<Approval> approve(TransactionRecord record, Factor factor, String userSessionId) {
        long now = Time.currentTime();
        if (!store.approve(realm.getId(), record.id(), record.userId(), record.clientId(), now,
                now + settings.approvalLifetime(), factor.method(), userSessionId, factor.credentialId(),
                factor.evidence())) {
            return Optional.empty();
        }
        TransactionEvents.success(eventFor(record).session(userSessionId)
                        .detail(EventDetails.FACTOR, factor.method())
                        .detail(EventDetails.CREDENTIAL_ID, factor.credentialId()),
                TxauthEvent.TRANSACTION_APPROVED, record.id());
        return Optional.of(new Approval(record.id(), record.detail(), PaymentDetail.hash(record.detail())));
    }

    /**
     * At the token endpoint: the approval of {@code id} if it is still APPROVED and unexpired, now held by the user
     * session the code belongs to. Empty when the approval is no longer valid.
     */
    public Optional<TransactionRecord> holdApproval(String id, String userSessionId) {
        Optional<TransactionRecord> approved = store.find(realm.getId(), id)
                .filter(r -> r.status() == TransactionStatus.APPROVED && !r.approvalExpired(Time.currentTime()));
        approved.filter(r -> !userSessionId.equals(r.userSessionId()))
                .ifPresent(r -> store.bindUserSession(realm.getId(), id, userSessionId));
        return approved;
    }

    /** The payment service ({@code consumer}) takes the approval, exactly once (docs/api.md §3). */
    public Consumption consume(TransactionRecord found, Actor consumer) {
        TransactionRecord record = expireIfDue(found);
        long now = Time.currentTime();
        if (record.status() == TransactionStatus.APPROVED && approvalRevoked(record)) {
            if (store.voidApproval(realm.getId(), record.id(), now)) {
                TransactionEvents.failure(eventFor(record), TxauthEvent.TRANSACTION_EXPIRED, record.id(),
                        "session_revoked");
            }
            return new Consumption.Revoked();
        }
        if (record.status() == TransactionStatus.APPROVED && store.consume(realm.getId(), record.id(), now)) {
            TransactionEvents.success(consumer.on(eventFor(record)), TxauthEvent.TRANSACTION_CONSUMED, record.id());
            return new Consumption.Consumed(record);
        }
        // APPROVED but the UPDATE lost: a concurrent consume or expiry won; report the state it left.
        TransactionStatus status = record.status() == TransactionStatus.APPROVED
                ? store.find(realm.getId(), record.id()).map(TransactionRecord::status).orElse(TransactionStatus.EXPIRED)
                : record.status();
        return new Consumption.Refused(status);
    }

    /**
     * Admin "Sign out" removes the user's sessions and moves the user's not-before; deleting one session removes it.
     * Checking both at consumption makes any revocation void the approval without a hook into session removal.
     */
    private boolean approvalRevoked(TransactionRecord record) {
        UserModel user = session.users().getUserById(realm, record.userId());
        if (user == null || record.userSessionId() == null
                || session.sessions().getUserSession(realm, record.userSessionId()) == null) {
            return true;
        }
        int notBefore = Math.max(realm.getNotBefore(), session.users().getNotBeforeOfUser(realm, user));
        return record.approvedAt() < notBefore;
    }

    private EventBuilder eventFor(TransactionRecord record) {
        return TransactionEvents.about(session, realm, session.users().getUserById(realm, record.userId()),
                realm.getClientByClientId(record.clientId()));
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How the user confirmed: {@code totp} or {@code passkey}, the credential used, and the passkey's evidence. */
    public record Factor(String method, String credentialId, String evidence) {
    }

    /**
     * The service account calling the registry (docs/api.md §7: {@code actor_client_id}, {@code actor_user_id} on
     * the registration and consumption events), so the audit trail names who initiated and who took a payment.
     */
    public record Actor(String clientId, String userId) {
        EventBuilder on(EventBuilder event) {
            return event.detail(EventDetails.ACTOR_CLIENT_ID, clientId).detail(EventDetails.ACTOR_USER_ID, userId);
        }
    }

    /** What an approval hands to the token: the id, the canonical detail the user saw and its hash. */
    public record Approval(String transactionId, String canonicalDetail, String hash) {
    }

    /** Whether a decision changed the transaction. */
    public enum Transition { DONE, NOT_PENDING }

    /** {@link #pendingFor}: pending, not pending any more (with the state the user should be told), or unknown. */
    public sealed interface Lookup {
        record Pending(TransactionRecord record) implements Lookup {
        }

        record NotPending(TransactionRecord record, TransactionStatus status) implements Lookup {
        }

        record Unknown() implements Lookup {
        }
    }

    /** {@link #consume}: consumed now, voided because the user's session was revoked, or refused in this state. */
    public sealed interface Consumption {
        record Consumed(TransactionRecord record) implements Consumption {
        }

        record Revoked() implements Consumption {
        }

        record Refused(TransactionStatus status) implements Consumption {
        }
    }
}
