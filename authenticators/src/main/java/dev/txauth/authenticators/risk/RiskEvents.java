package dev.txauth.authenticators.risk;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * txauth's risk events, as CONVENTIONS.md defines them: Keycloak user events (so every listener, the audit trail
 * included, sees them) of type CUSTOM_REQUIRED_ACTION[_ERROR] with a {@code txauth_event} detail. Never the cookie.
 */
final class RiskEvents {

    static final String TXAUTH_EVENT = "txauth_event";
    static final String DENIED_ERROR = "txauth_risk_denied";

    private RiskEvents() {
    }

    static void decision(AuthenticationFlowContext context, RiskAssessment assessment) {
        boolean denied = assessment.decision() == RiskDecision.DENY;
        EventBuilder event = base(context, denied ? EventType.CUSTOM_REQUIRED_ACTION_ERROR
                : EventType.CUSTOM_REQUIRED_ACTION)
                .detail(TXAUTH_EVENT, "risk_decision")
                .detail("risk_score", Integer.toString(assessment.score()))
                .detail("risk_decision", assessment.decision().name())
                .detail("risk_signals", assessment.signalNames());
        if (denied) {
            event.error(DENIED_ERROR);
        } else {
            event.success();
        }
    }

    static void deviceTrusted(AuthenticationFlowContext context, String deviceId, String label) {
        base(context, EventType.CUSTOM_REQUIRED_ACTION)
                .detail(TXAUTH_EVENT, "device_trusted")
                .detail("device_id", deviceId)
                .detail("device_label", label)
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
