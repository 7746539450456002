package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.UserFlowStep;
import dev.txauth.devices.DeviceBindings;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code txauth-device-binding}, the last step of the browser flow (docs/api.md §8): one bound phone per user, the
 * phone being the app instance's DPoP key ({@code dpop_jkt}, which Keycloak binds the code and so the tokens to).
 * <ul>
 *   <li>a client that requires DPoP but sent no {@code dpop_jkt} → refused: its code could be bound to any key;</li>
 *   <li>a client that does not require DPoP (not the app) or the bound key → continue;</li>
 *   <li>no key bound yet: bound now if a second factor was passed in this login, otherwise continue unbound;</li>
 *   <li>another key: a payment confirmation is refused ({@code access_denied}); a login (after the second factor the
 *       condition {@code txauth-condition-device-key} asked for) shows {@code txauth-bind.ftl}: {@code bind} binds it
 *       and signs the other phone out, {@code cancel} → {@code access_denied}, nothing changes.</li>
 * </ul>
 */
public class DeviceBindingAuthenticator extends UserFlowStep {

    static final String TEMPLATE = "txauth-bind.ftl";
    /** Where Keycloak keeps a request's authorization_details: as sent, or from a pushed (PAR) request. */
    private static final java.util.List<String> AUTHORIZATION_DETAILS = java.util.List.of("authorization_details",
            "client_request_param_authorization_details");
    private static final Logger LOG = Logger.getLogger(DeviceBindingAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        DeviceKey key = DeviceKey.of(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!key.appClient()) {
            context.success();
            return;
        }
        if (key.jkt() == null) {
            LOG.debugf("txauth-device-binding realm=%s: DPoP client without dpop_jkt refused",
                    context.getRealm().getName());
            context.cancelLogin();
            return;
        }
        if (key.bound().isEmpty()) {
            if (key.secondFactor()) {
                bind(context, key);
            }
            context.success();
            return;
        }
        if (!key.isOtherThanBound()) {
            context.success();
            return;
        }
        if (isPayment(authSession) || !key.secondFactor()) {
            LOG.debugf("txauth-device-binding realm=%s: request with a key other than the bound one refused",
                    context.getRealm().getName());
            context.cancelLogin();
            return;
        }
        context.challenge(context.form().createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        DeviceKey key = DeviceKey.of(context);
        if (form.containsKey("bind") && key.isOtherThanBound() && key.secondFactor()) {
            bind(context, key);
            context.success();
        } else if (form.containsKey("cancel")) {
            context.cancelLogin();
        } else {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
        }
    }

    private static boolean isPayment(AuthenticationSessionModel authSession) {
        return AUTHORIZATION_DETAILS.stream().anyMatch(note -> authSession.getClientNote(note) != null);
    }

    private static void bind(AuthenticationFlowContext context, DeviceKey key) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        DeviceBindings.bind(context.getSession(), context.getRealm(), context.getUser(), key.jkt(),
                authSession.getParentSession().getId(), context.getConnection().getRemoteAddr());
    }
}
