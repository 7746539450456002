package dev.txauth.authenticators.phone;

import dev.txauth.sms.VerifiedPhone;
import dev.txauth.authenticators.confirm.code.CodeChannel;
import dev.txauth.authenticators.confirm.code.CodeFactor;
import dev.txauth.model.UserPhone;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.phone.PhoneMask;
import dev.txauth.sms.text.VerificationSmsText;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.Optional;

/**
 * Required action {@code txauth-verify-phone} (docs/api.md §9): sends a code to the user's {@code phone_number} and,
 * when the user types it back, sets {@code phone_number_verified} = {@code true}. The code goes through the same
 * {@link CodeFactor} as a payment code — same caps, same hashed single-use row — bound to the subject
 * {@code phone:<auth session>} instead of a transaction. 5 wrong codes end the login.
 */
public class VerifyPhoneRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "txauth-verify-phone.ftl";
    /** The code's subject is {@code phone:<auth session>}. */
    static final String SUBJECT_PURPOSE = "phone";
    static final String FAILURES_NOTE = "txauth.phone.failures";
    static final int MAX_FAILURES = 5;

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // set by an administrator (or a flow) on the user; nothing triggers it on its own
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<E164Number> phone = phone(context);
        if (phone.isEmpty()) {
            context.ignore(); // no number (or no gateway): nothing to verify yet
            return;
        }
        context.challenge(page(context, phone.get(), false, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Optional<E164Number> phone = phone(context);
        if (phone.isEmpty()) {
            context.ignore();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        CodeFactor.Subject subject = CodeFactor.Subject.ofAuthentication(authSession, SUBJECT_PURPOSE);
        if (form.containsKey(CodeChannel.SMS.sendSubmit())) {
            String realmName = context.getRealm().getDisplayName() != null ? context.getRealm().getDisplayName()
                    : context.getRealm().getName();
            CodeFactor.Sent sent = CodeFactor.send(context.getSession(), context.getRealm(), context.getUser(),
                    subject, CodeChannel.SMS, phone.get().value(), (code, lifetime) ->
                            CodeFactor.sms(context.getSession(), phone.get(), VerificationSmsText.render(realmName, code)));
            context.challenge(page(context, phone.get(), sent instanceof CodeFactor.Sent.Done,
                    sent instanceof CodeFactor.Sent.Done ? null : "txauthVerifyPhoneNotSent"));
            return;
        }
        if (CodeFactor.verify(context.getSession(), context.getRealm(), subject, CodeChannel.SMS,
                form.getFirst("otp"))) {
            context.getUser().setSingleAttribute(UserPhone.VERIFIED, "true");
            context.success();
            return;
        }
        int failures = Integer.parseInt(Optional.ofNullable(authSession.getAuthNote(FAILURES_NOTE)).orElse("0")) + 1;
        authSession.setAuthNote(FAILURES_NOTE, Integer.toString(failures));
        if (failures >= MAX_FAILURES) {
            context.failure();
            return;
        }
        context.challenge(page(context, phone.get(), true, "txauthVerifyPhoneInvalid"));
    }

    /** The number to verify, if it is one and a gateway could reach it. */
    private static Optional<E164Number> phone(RequiredActionContext context) {
        return VerifiedPhone.reachable(context.getSession(), context.getUser().getFirstAttribute(UserPhone.NUMBER));
    }

    private static Response page(RequiredActionContext context, E164Number phone, boolean sent, String error) {
        LoginFormsProvider form = context.form().setAttribute("txauthPhone", PhoneMask.forPage(phone))
                .setAttribute("txauthPhoneSent", sent);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
        // stateless
    }
}
