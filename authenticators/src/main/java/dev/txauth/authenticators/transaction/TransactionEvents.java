package dev.txauth.authenticators.transaction;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * txauth's transaction lifecycle as Keycloak user events (CONVENTIONS: {@code CUSTOM_REQUIRED_ACTION[_ERROR]} with
 * details {@code txauth_event} and {@code transaction_id}), so every event listener, the audit trail included, sees
 * them. Only ids go into details: never the amount, account, code or token.
 */
public final class TransactionEvents {

    public static final String TXAUTH_EVENT = "txauth_event";
    public static final String TRANSACTION_ID = "transaction_id";

    private TransactionEvents() {
    }

    /** An event outside a login flow (registry calls). */
    public static EventBuilder outsideFlow(KeycloakSession session, RealmModel realm) {
        return new EventBuilder(realm, session, session.getContext().getConnection());
    }

    /**
     * An event about the transaction being confirmed in a login flow. A fresh builder rather than the flow's own: the
     * flow's builder carries login details (redirect URI, code id...) that are not about the transaction, and an
     * approval event sent through it did not show up in Keycloak's stored events (TransactionEventsIT) while the
     * registry's, sent through a fresh builder, did. Cause not investigated; a fresh builder makes all
     * lifecycle events alike.
     */
    public static EventBuilder inFlow(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        return outsideFlow(session, realm).user(user).client(client);
    }

    public static void success(EventBuilder event, String txauthEvent, String transactionId) {
        event.clone().event(EventType.CUSTOM_REQUIRED_ACTION).detail(TXAUTH_EVENT, txauthEvent)
                .detail(TRANSACTION_ID, transactionId).success();
    }

    public static void failure(EventBuilder event, String txauthEvent, String transactionId, String error) {
        event.clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).detail(TXAUTH_EVENT, txauthEvent)
                .detail(TRANSACTION_ID, transactionId).error(error);
    }
}
