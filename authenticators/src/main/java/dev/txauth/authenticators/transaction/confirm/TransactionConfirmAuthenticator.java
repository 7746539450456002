package dev.txauth.authenticators.transaction.confirm;

import dev.txauth.authenticators.UserFlowStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.authenticators.transaction.TransactionEvents;
import dev.txauth.authenticators.transaction.TransactionRecord;
import dev.txauth.authenticators.transaction.TransactionSettings;
import dev.txauth.authenticators.transaction.TransactionStatus;
import dev.txauth.authenticators.transaction.TransactionStore;
import dev.txauth.authenticators.transaction.detail.PaymentDetail;
import dev.txauth.authenticators.transaction.detail.RequestedDetailMatcher;
import dev.txauth.authenticators.transaction.passkey.PasskeyConfirmation;
import dev.txauth.authenticators.transaction.passkey.PasskeyResult;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code txauth-transaction-confirm}, the LoA-3 step of the browser flow: shows the payment the authorization request
 * names in {@code authorization_details}, lets the user approve it with a TOTP code or a passkey, or decline it, and
 * binds an approval to this authentication (client notes read by the token mappers).
 * <p>
 * Anything that is not this user's pending transaction for this client ends the request with an error redirect and
 * shows nothing about it; errors on the page never say which part was wrong (PSD2 RTS Art. 4).
 */
public class TransactionConfirmAuthenticator extends UserFlowStep {

    private static final Logger LOG = Logger.getLogger(TransactionConfirmAuthenticator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INVALID_CODE = "txauthConfirmInvalid";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Pending pending = loadPending(context, false);
        if (pending == null) {
            return;
        }
        TransactionConfirmConfig config = TransactionConfirmConfig.of(context.getAuthenticatorConfig());
        if (!hasFactor(context.getUser(), config)) {
            context.challenge(ConfirmationPage.setup(context));
            return;
        }
        context.challenge(ConfirmationPage.render(context, pending.record, pending.detail, config, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        long started = System.nanoTime();
        Pending pending = loadPending(context, true);
        if (pending == null) {
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        TransactionStore store = new TransactionStore(session);
        TransactionSettings settings = TransactionSettings.of(session);
        TransactionConfirmConfig config = TransactionConfirmConfig.of(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String id = pending.record.id();

        if (form.containsKey("decline")) {
            if (store.decline(realm.getId(), id, Time.currentTime())) {
                TransactionEvents.failure(transactionEvent(context), "transaction_declined", id, "declined");
            }
            end(context, FlowEnd.ACCESS_DENIED, "The user declined the transaction");
            return;
        }

        Factor factor = verify(context, pending, form, config);
        if (factor == null) {
            TransactionStore.FailureOutcome outcome = store.recordFailure(realm.getId(), id, settings.maxFailures(),
                    Time.currentTime());
            if (outcome == TransactionStore.FailureOutcome.RETRY) {
                context.getEvent().clone().detail(TransactionEvents.TRANSACTION_ID, id)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                // Not failureChallenge: the transaction's own counter is the PSD2 lock. Feeding Keycloak's
                // brute-force detection too would let its quick-login check reset the flow after two fast typos.
                context.challenge(ConfirmationPage.render(context, pending.record, pending.detail, config,
                        INVALID_CODE));
                return;
            }
            if (outcome == TransactionStore.FailureOutcome.LOCKED) {
                TransactionEvents.failure(transactionEvent(context), "transaction_locked", id, "locked");
            }
            end(context, FlowEnd.ACCESS_DENIED, "The transaction could not be confirmed");
            return;
        }

        long now = Time.currentTime();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Keycloak creates the user session with the id of the root authentication session; the processor
        // re-checks this at the token endpoint, where the user session is known for certain.
        if (!store.approve(realm.getId(), id, context.getUser().getId(), authSession.getClient().getClientId(), now,
                now + settings.approvalLifetime(), factor.method, authSession.getParentSession().getId(),
                factor.credentialId, factor.evidence)) {
            end(context, FlowEnd.ACCESS_DENIED, "The transaction could not be confirmed");
            return;
        }
        ApprovalNotes.write(authSession, id, pending.record.detail(), PaymentDetail.hash(pending.record.detail()));
        TransactionEvents.success(transactionEvent(context), "transaction_approved", id);
        LOG.debugf("Transaction approved by %s in realm %s, confirmation handled in %d us", factor.method,
                realm.getName(), (System.nanoTime() - started) / 1000);
        context.success();
    }

    private Factor verify(AuthenticationFlowContext context, Pending pending, MultivaluedMap<String, String> form,
                          TransactionConfirmConfig config) {
        String clientData = form.getFirst("clientDataJSON");
        if (clientData != null && !clientData.isBlank()) {
            if (!config.passkeyEnabled()) {
                return null;
            }
            PasskeyResult result = PasskeyConfirmation.verify(context.getSession(), context.getRealm(),
                    context.getUser(), pending.record.detail(), Base64.getUrlDecoder().decode(pending.record.nonce()),
                    form);
            return result.verified() ? new Factor("passkey", result.credentialId(), result.evidenceJson()) : null;
        }
        if (!config.totpEnabled()) {
            return null;
        }
        Optional<String> credential = TotpConfirmation.verify(context.getSession(), context.getRealm(),
                context.getUser(), form.getFirst("otp"));
        return credential.map(c -> new Factor("totp", c, null)).orElse(null);
    }

    /**
     * The transaction named by the request, if it is this user's, for this client, pending and unexpired, and the
     * request repeats none of its fields differently. Otherwise the flow has been ended and null is returned.
     */
    private Pending loadPending(AuthenticationFlowContext context, boolean submitted) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        JsonNode requested = parse(authSession.getClientNote(OAuth2Constants.AUTHORIZATION_DETAILS));
        Optional<String> id = RequestedDetailMatcher.identifier(requested);
        if (id.isEmpty()) {
            end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS, "authorization_details must name one transaction");
            return null;
        }
        RealmModel realm = context.getRealm();
        TransactionStore store = new TransactionStore(context.getSession());
        Optional<TransactionRecord> found = store.find(realm.getId(), id.get())
                .filter(r -> r.userId().equals(context.getUser().getId()))
                .filter(r -> r.clientId().equals(authSession.getClient().getClientId()));
        if (found.isEmpty()) {
            context.getEvent().detail(TransactionEvents.TRANSACTION_ID, id.get());
            end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS, "Unknown transaction");
            return null;
        }
        TransactionRecord record = found.get();
        long now = Time.currentTime();
        if (record.pendingExpired(now) && store.expireIfDue(realm.getId(), record.id(), now)) {
            TransactionEvents.failure(transactionEvent(context), "transaction_expired", record.id(), "expired");
        }
        if (record.status() != TransactionStatus.PENDING || record.pendingExpired(now)) {
            if (submitted) {
                // The page was open while the transaction ended (timeout, lock, decision in another tab).
                Response redirect = FlowEnd.redirect(context.getSession(), authSession, FlowEnd.ACCESS_DENIED,
                        "The transaction is no longer pending");
                String message = record.status() == TransactionStatus.LOCKED ? "txauthTransactionLocked"
                        : record.pendingExpired(now) || record.status() == TransactionStatus.EXPIRED
                        ? "txauthTransactionExpired" : "txauthTransactionNotFound";
                String url = redirect.getLocation() == null ? null : redirect.getLocation().toString();
                context.getEvent().clone().detail(TransactionEvents.TRANSACTION_ID, record.id()).error(Errors.EXPIRED_CODE);
                context.forceChallenge(ConfirmationPage.ended(context, message, url));
                return null;
            }
            end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS, "The transaction is not pending");
            return null;
        }
        try {
            JsonNode registered = JSON.readTree(record.detail());
            if (!RequestedDetailMatcher.matches(requested.get(0), registered)) {
                end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS,
                        "authorization_details differ from the registered transaction");
                return null;
            }
            return new Pending(record, toDetail(registered));
        } catch (IOException e) {
            throw new IllegalStateException("Stored detail of a transaction is not JSON", e);
        }
    }

    /**
     * Ends the request at the client with an OAuth error. forceChallenge, not failure: the response is final either
     * way, and failure() would also count a login failure against the user (see the RETRY case in action()).
     */
    private void end(AuthenticationFlowContext context, String error, String description) {
        context.getEvent().clone().error(error);
        context.forceChallenge(FlowEnd.redirect(context.getSession(), context.getAuthenticationSession(), error,
                description));
    }

    private static EventBuilder transactionEvent(AuthenticationFlowContext context) {
        return TransactionEvents.inFlow(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession().getClient());
    }

    private static PaymentDetail toDetail(JsonNode json) {
        JsonNode account = json.get("creditorAccount");
        return new PaymentDetail(json.at("/instructedAmount/currency").textValue(),
                json.at("/instructedAmount/amount").textValue(), json.get("creditorName").textValue(),
                account.get("scheme").textValue(), account.get("identification").textValue(),
                account.hasNonNull("bankCode") ? account.get("bankCode").textValue() : null,
                json.hasNonNull("remittanceInformation") ? json.get("remittanceInformation").textValue() : null);
    }

    private static JsonNode parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasFactor(UserModel user, TransactionConfirmConfig config) {
        return config.totpEnabled() && TotpConfirmation.hasTotp(user)
                || config.passkeyEnabled() && PasskeyConfirmation.hasPasskey(user);
    }

    private record Pending(TransactionRecord record, PaymentDetail detail) {
    }

    private record Factor(String method, String credentialId, String evidence) {
    }
}
