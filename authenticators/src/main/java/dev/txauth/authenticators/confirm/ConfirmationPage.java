package dev.txauth.authenticators.confirm;

import dev.txauth.authenticators.confirm.code.CodePage;
import dev.txauth.authenticators.confirm.passkey.PasskeyConfirmation;
import dev.txauth.authenticators.confirm.passkey.PasskeyPage;
import dev.txauth.authenticators.confirm.totp.TotpConfirmation;
import dev.txauth.transactions.TransactionRecord;
import dev.txauth.transactions.detail.PaymentDetail;
import dev.txauth.transactions.detail.PaymentDisplay;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code txauth-transaction-confirm.ftl} (docs/api.md §4). Every value handed to the template is plain text;
 * the template's HTML auto-escaping makes it inert, and {@link PaymentDisplay#reveal} makes invisible characters
 * visible, so what the user reads is what they approve.
 */
final class ConfirmationPage {

    static final String TEMPLATE = "txauth-transaction-confirm.ftl";
    static final String SETUP_TEMPLATE = "txauth-transaction-setup.ftl";
    static final String ERROR_TEMPLATE = "txauth-transaction-error.ftl";

    private ConfirmationPage() {
    }

    static Response render(AuthenticationFlowContext context, TransactionRecord record, PaymentDetail detail,
                           TransactionConfirmConfig config, String errorKey, Object... errorParameters) {
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("amount", PaymentDisplay.amount(detail.amount(), detail.currency(), locale));
        view.put("payee", PaymentDisplay.reveal(detail.creditorName()));
        view.put("bank", PaymentDisplay.bank(detail));
        view.put("account", PaymentDisplay.maskedAccount(detail));
        view.put("scheme", detail.scheme());
        view.put("remittance", PaymentDisplay.reveal(detail.remittance()));
        view.put("totp", config.totpEnabled() && TotpConfirmation.hasTotp(context.getUser()));
        boolean passkey = config.passkeyEnabled() && PasskeyConfirmation.hasPasskey(context.getUser());
        view.put("passkey", passkey);
        LoginFormsProvider form = context.form().setAttribute("txauthTransaction", view)
                .setAttribute("txauthCode", CodePage.model(context));
        if (passkey) {
            PasskeyPage page = PasskeyConfirmation.page(context.getSession(), context.getRealm(), context.getUser(),
                    record.detail(), Base64.getUrlDecoder().decode(record.nonce()));
            // FreeMarker reads maps reliably; records only with newer object wrappers.
            form.setAttribute("txauthPasskey", Map.of("challenge", page.challenge(), "rpId", page.rpId(),
                    "credentialIds", page.credentialIds(), "userVerification", page.userVerification()));
        }
        if (errorKey != null) {
            form.setError(errorKey, errorParameters);
        }
        return form.createForm(TEMPLATE);
    }

    static Response setup(AuthenticationFlowContext context) {
        return context.form().createForm(SETUP_TEMPLATE);
    }

    /**
     * Ends the request on a page saying {@code messageKey}, whose link takes the user back to the app with
     * {@code access_denied} ({@code description}).
     */
    static void endedAtClient(AuthenticationFlowContext context, String messageKey, String description) {
        Response redirect = FlowEnd.redirect(context.getSession(), context.getAuthenticationSession(),
                FlowEnd.ACCESS_DENIED, description);
        String url = redirect.getLocation() == null ? null : redirect.getLocation().toString();
        context.forceChallenge(ended(context, messageKey, url));
    }

    /** A transaction that stopped being pending while its page was open: say so, and offer the way back. */
    static Response ended(AuthenticationFlowContext context, String messageKey, String continueUrl) {
        return context.form().setAttribute("txauthMessage", messageKey).setAttribute("txauthContinue", continueUrl)
                .createForm(ERROR_TEMPLATE);
    }
}
