package dev.txauth.transactions;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * txauth's transaction lifecycle as Keycloak user events (docs/api.md §7: {@code CUSTOM_REQUIRED_ACTION[_ERROR]} with
 * details {@code txauth_event} and {@code transaction_id}), so every event listener, the audit trail included, sees
 * them. Only ids go into details: never the amount, account, code or token. Sent by {@link TransactionRegistry} only.
 * <p>
 * Always a fresh builder rather than a login flow's own: the flow's builder carries login details (redirect URI, code
 * id...) that are not about the transaction, and an approval event sent through it did not show up in Keycloak's
 * stored events (TransactionEventsIT) while the registry's, sent through a fresh builder, did. Cause not investigated;
 * a fresh builder makes all lifecycle events alike.
 */
final class TransactionEvents {

    private TransactionEvents() {
    }

    /** A builder for events about a transaction of this user and client (either may be gone: then left out). */
    static EventBuilder about(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
        if (user != null) {
            event.user(user);
        }
        if (client != null) {
            event.client(client);
        }
        return event;
    }

    static void success(EventBuilder event, TxauthEvent txauthEvent, String transactionId) {
        event.clone().event(EventType.CUSTOM_REQUIRED_ACTION).detail(EventDetails.TXAUTH_EVENT, txauthEvent.wireValue())
                .detail(EventDetails.TRANSACTION_ID, transactionId).success();
    }

    static void failure(EventBuilder event, TxauthEvent txauthEvent, String transactionId, String error) {
        event.clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(EventDetails.TXAUTH_EVENT, txauthEvent.wireValue())
                .detail(EventDetails.TRANSACTION_ID, transactionId).error(error);
    }
}
