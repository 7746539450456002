package dev.txauth.controls.enforcement;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The payment-controls events of docs/api.md §8 as Keycloak user events with a {@code txauth_event} detail, so the
 * audit trail (and any listener) records them. Never an amount: which control, where, and the transaction id.
 */
public final class ControlEvents {

    private ControlEvents() {
    }

    static void limitRefused(KeycloakSession session, RealmModel realm, UserModel user, String limit, String stage,
                             String transactionId) {
        EventBuilder event = base(session, realm, user, EventType.CUSTOM_REQUIRED_ACTION_ERROR, TxauthEvent.LIMIT_REFUSED)
                .detail(EventDetails.LIMIT, limit).detail(EventDetails.LIMIT_STAGE, stage);
        if (transactionId != null) {
            event.detail(EventDetails.TRANSACTION_ID, transactionId);
        }
        event.error("txauth_" + limit);
    }

    public static void changed(KeycloakSession session, RealmModel realm, UserModel user, TxauthEvent type) {
        base(session, realm, user, EventType.CUSTOM_REQUIRED_ACTION, type).success();
    }

    private static EventBuilder base(KeycloakSession session, RealmModel realm, UserModel user, EventType type,
                                     TxauthEvent txauthEvent) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type).user(user)
                .detail(EventDetails.TXAUTH_EVENT, txauthEvent.wireValue());
    }
}
