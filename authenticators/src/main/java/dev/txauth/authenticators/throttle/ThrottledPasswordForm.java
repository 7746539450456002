package dev.txauth.authenticators.throttle;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import dev.txauth.risk.LoginThrottle;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code txauth-username-password-form}: Keycloak's username + password form with the per-IP throttle of docs/api.md
 * §10 in front of the password check. Over a limit the form is not processed at all — no user credential is read and
 * no password is hashed — and the answer is {@code 429} with {@code Retry-After} and the themed page
 * {@value #TEMPLATE}; the attempt is recorded as {@code TXAUTH_LOGIN_THROTTLED}, not as a failed login, so it adds to
 * no counter and to no brute-force record.
 * <p>
 * Why a subclass and not a separate step before the form: Keycloak runs a step before the form only when the flow
 * starts; every later password POST goes straight to the form's {@code action}, so a step in front would never see
 * the 2nd to n-th guess of a session. The first display of the form is checked against the per-IP limit (no username
 * yet); each POST against both.
 */
public class ThrottledPasswordForm extends UsernamePasswordForm {

    static final String TEMPLATE = "txauth-login-throttled.ftl";
    static final String THROTTLED_ERROR = "txauth_login_throttled";
    private static final Logger LOG = Logger.getLogger(ThrottledPasswordForm.class);

    public ThrottledPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!refusedWhileThrottled(context, null)) {
            super.authenticate(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            super.action(context);
            return;
        }
        String username = form.getFirst(AuthenticationManager.FORM_USERNAME);
        if ((username == null || username.isBlank()) && context.getUser() != null) {
            username = context.getUser().getUsername(); // re-authentication: the form asks for the password only
        }
        if (!refusedWhileThrottled(context, username == null ? "" : username)) {
            super.action(context);
        }
    }

    /** True, with the 429 page sent, when this attempt is over a limit. */
    private static boolean refusedWhileThrottled(AuthenticationFlowContext context, String username) {
        String ip = context.getConnection().getRemoteAddr();
        LoginThrottle.Verdict verdict = LoginThrottleCheck.check(context.getSession(), context.getRealm(), ip,
                username);
        if (!verdict.throttled()) {
            return false;
        }
        EventBuilder event = new EventBuilder(context.getRealm(), context.getSession(), context.getConnection())
                .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(EventDetails.TXAUTH_EVENT, TxauthEvent.LOGIN_THROTTLED.wireValue())
                .detail(EventDetails.THROTTLE_SCOPE, verdict.scope().wireValue())
                .detail(EventDetails.RETRY_AFTER_SECONDS, Long.toString(verdict.retryAfterSeconds()));
        if (context.getAuthenticationSession().getClient() != null) {
            event.client(context.getAuthenticationSession().getClient());
        }
        if (username != null && !username.isBlank()) {
            event.detail(Details.USERNAME, username.trim());
        }
        event.error(THROTTLED_ERROR);
        LOG.debugf("txauth login throttled realm=%s scope=%s retry-after=%ds", context.getRealm().getName(),
                verdict.scope().wireValue(), verdict.retryAfterSeconds());
        long minutes = Math.max(1, (verdict.retryAfterSeconds() + 59) / 60);
        Response page = context.form().setStatus(Response.Status.TOO_MANY_REQUESTS)
                .setAttribute("txauthRetryAfterMinutes", minutes).createForm(TEMPLATE);
        // A challenge, not a failure: a failure would be logged as a failed login and fed to the brute-force record.
        context.challenge(Response.fromResponse(page)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds())).build());
        return true;
    }
}
