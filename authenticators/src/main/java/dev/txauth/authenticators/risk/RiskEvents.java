package dev.txauth.authenticators.risk;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import dev.txauth.risk.RiskAssessment;
import dev.txauth.risk.RiskDecision;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * txauth's risk events (docs/api.md §6, §7): Keycloak user events (so every listener, the audit trail included, sees
 * them) of type CUSTOM_REQUIRED_ACTION[_ERROR] with a {@code txauth_event} detail. Never the cookie.
 */
public final class RiskEvents {

    static final String DENIED_ERROR = "txauth_risk_denied";

    private RiskEvents() {
    }

    static void decision(AuthenticationFlowContext context, RiskAssessment assessment) {
        boolean denied = assessment.decision() == RiskDecision.DENY;
        EventBuilder event = base(context, denied ? EventType.CUSTOM_REQUIRED_ACTION_ERROR
                : EventType.CUSTOM_REQUIRED_ACTION)
                .detail(EventDetails.TXAUTH_EVENT, TxauthEvent.RISK_DECISION.wireValue())
                .detail(EventDetails.RISK_SCORE, Integer.toString(assessment.score()))
                .detail(EventDetails.RISK_DECISION, assessment.decision().name())
                .detail(EventDetails.RISK_SIGNALS, assessment.signalNames());
        if (denied) {
            event.error(DENIED_ERROR);
        } else {
            event.success();
        }
    }

    public static void deviceTrusted(AuthenticationFlowContext context, String deviceId, String label) {
        base(context, EventType.CUSTOM_REQUIRED_ACTION)
                .detail(EventDetails.TXAUTH_EVENT, TxauthEvent.DEVICE_TRUSTED.wireValue())
                .detail(EventDetails.DEVICE_ID, deviceId)
                .detail(EventDetails.DEVICE_LABEL, label)
                .success();
    }

    /**
     * A builder of its own: {@code context.newEvent()} would REPLACE the flow's builder, so Keycloak's closing LOGIN
     * event would go out with this event's type and details (the audit trail then had no LOGIN row).
     */
    private static EventBuilder base(AuthenticationFlowContext context, EventType type) {
        EventBuilder event = new EventBuilder(context.getRealm(), context.getSession(), context.getConnection())
                .event(type).user(context.getUser());
        if (context.getAuthenticationSession().getClient() != null) {
            event.client(context.getAuthenticationSession().getClient());
        }
        return event;
    }
}
