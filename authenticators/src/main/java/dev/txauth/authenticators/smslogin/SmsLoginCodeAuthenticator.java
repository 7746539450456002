package dev.txauth.authenticators.smslogin;

import dev.txauth.sms.VerifiedPhone;
import dev.txauth.authenticators.confirm.code.CodeChannel;
import dev.txauth.authenticators.confirm.code.CodeFactor;
import dev.txauth.authenticators.confirm.code.CodeNotice;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.phone.PhoneMask;
import dev.txauth.sms.text.LoginSmsText;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * {@code txauth-sms-login-code} (docs/api.md §6, §9): a second factor at sign-in — a code by SMS to the user's verified
 * phone — as one ALTERNATIVE of the risk step-up sub-flow, next to TOTP and passkeys. Keycloak offers it only to users
 * it is {@linkplain #configuredFor configured for} (verified E.164 phone and a gateway), as the first choice when they
 * have nothing else and behind "Try another way" when they do.
 * <p>
 * The code goes through the same {@link CodeFactor} as a payment code — CSPRNG, stored as a hash, single use, at most
 * 5 minutes, the same caps and metrics — bound to the subject {@code login:<auth session>} instead of a transaction. The
 * user presses "send" (opening the page sends nothing, so choosing among the ways to sign in costs no SMS). A wrong code
 * is a failed login for Keycloak's brute-force detection, exactly as a wrong OTP code is.
 */
public class SmsLoginCodeAuthenticator implements Authenticator {

    /**
     * User-session note set when this code passed a login's second factor. An SMS code proves the SIM, not the app,
     * so a session whose level 2 came from it must not count as the second factor that binds a new app key
     * (docs/api.md §8): a SIM swap plus the password must not be enough to move the account to another phone.
     */
    public static final String SMS_SECOND_FACTOR_NOTE = "txauth.sms_second_factor";


    static final String TEMPLATE = "txauth-sms-login-code.ftl";
    static final String SUBJECT_PURPOSE = "login";
    static final String SENT_NOTE = "txauth.login-code.sent";
    static final String INVALID = "txauthLoginCodeInvalid";
    static final String UNAVAILABLE = "txauthLoginCodeUnavailable";
    private static final Logger LOG = Logger.getLogger(SmsLoginCodeAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<E164Number> phone = VerifiedPhone.of(context.getSession(), context.getUser());
        if (phone.isEmpty()) {
            // Keycloak selects it only when configuredFor; the phone or the gateway went away since
            context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED);
            return;
        }
        context.challenge(page(context, phone.get(), null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<E164Number> phone = VerifiedPhone.of(context.getSession(), context.getUser());
        if (phone.isEmpty()) {
            context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        UserModel user = context.getUser();
        CodeFactor.Subject subject = CodeFactor.Subject.ofAuthentication(context.getAuthenticationSession(),
                SUBJECT_PURPOSE);
        boolean sendRequested = form.containsKey(CodeChannel.SMS.sendSubmit());
        String bruteForce = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForce != null) {
            // as Keycloak's OTP form: the page does not say the account is locked, the event does; and a locked
            // account gets no SMS, which would only cost money
            context.getEvent().user(user).error(bruteForce);
            context.forceChallenge(page(context, phone.get(), sendRequested ? UNAVAILABLE : INVALID));
            return;
        }
        if (sendRequested) {
            send(context, phone.get(), subject);
            return;
        }
        if (CodeFactor.verify(context.getSession(), context.getRealm(), subject, CodeChannel.SMS,
                form.getFirst("otp"))) {
            // Remembered for the whole SSO session: a level 2 reached by SMS never moves the account to another
            // app (DeviceKey), whatever later logins of this browser reuse it.
            context.getAuthenticationSession().setUserSessionNote(SMS_SECOND_FACTOR_NOTE, "true");
            context.success();
            return;
        }
        context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        // failureChallenge, not challenge: Keycloak counts it as a failed login of this user (brute force)
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, phone.get(), INVALID));
    }

    private static void send(AuthenticationFlowContext context, E164Number phone, CodeFactor.Subject subject) {
        RealmModel realm = context.getRealm();
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        CodeFactor.Sent sent = CodeFactor.send(context.getSession(), realm, context.getUser(), subject,
                CodeChannel.SMS, phone.value(), (code, lifetime) ->
                        CodeFactor.sms(context.getSession(), phone, LoginSmsText.render(realmName, code)));
        Optional<CodeNotice> notice = CodeNotice.of(sent, "txauthLoginCodeNoMore", UNAVAILABLE);
        if (notice.isEmpty()) {
            context.getAuthenticationSession().setAuthNote(SENT_NOTE, "true");
            LOG.debugf("txauth-sms-login-code realm=%s user=%s: code sent", realm.getName(),
                    context.getUser().getId());
        }
        LoginFormsProvider form = form(context, phone);
        notice.ifPresent(n -> form.setError(n.key(), (Object[]) n.parameters()));
        context.challenge(form.createForm(TEMPLATE));
    }

    private static Response page(AuthenticationFlowContext context, E164Number phone, String error) {
        LoginFormsProvider form = form(context, phone);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    /** Only the masked number ({@code •••• 1234}) is ever on the page. */
    private static LoginFormsProvider form(AuthenticationFlowContext context, E164Number phone) {
        return context.form().setAttribute("txauthPhone", PhoneMask.forPage(phone))
                .setAttribute("txauthPhoneSent", context.getAuthenticationSession().getAuthNote(SENT_NOTE) != null);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** A verified phone a gateway can reach; otherwise Keycloak neither offers nor selects this way. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return VerifiedPhone.of(session, user).isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // a phone is verified through txauth-verify-phone, which an administrator asks for; nothing to force here
    }

    @Override
    public void close() {
        // stateless
    }
}
