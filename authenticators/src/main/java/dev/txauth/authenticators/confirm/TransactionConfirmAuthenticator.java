package dev.txauth.authenticators.confirm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.authenticators.UserFlowStep;
import dev.txauth.authenticators.confirm.code.CodeChannel;
import dev.txauth.authenticators.confirm.code.CodeFactor;
import dev.txauth.authenticators.confirm.code.CodeNotice;
import dev.txauth.authenticators.confirm.code.CodePage;
import dev.txauth.authenticators.confirm.passkey.PasskeyConfirmation;
import dev.txauth.authenticators.confirm.passkey.PasskeyResult;
import dev.txauth.authenticators.confirm.totp.TotpConfirmation;
import dev.txauth.model.ApprovalBinding;
import dev.txauth.model.ApprovalNotes;
import dev.txauth.model.EventDetails;
import dev.txauth.transactions.TransactionRecord;
import dev.txauth.transactions.TransactionRegistry;
import dev.txauth.transactions.TransactionStore;
import dev.txauth.transactions.detail.PaymentDetail;
import dev.txauth.transactions.detail.RequestedDetailMatcher;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
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
        if (pending == null || FailureLimit.refusedWhileBlocked(context, pending.record)) {
            return;
        }
        TransactionConfirmConfig config = TransactionConfirmConfig.of(context.getAuthenticatorConfig());
        if (!hasFactor(context.getUser(), config) && !CodePage.offered(context)) {
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
        TransactionRegistry registry = TransactionRegistry.of(context.getSession(), context.getRealm());
        TransactionConfirmConfig config = TransactionConfirmConfig.of(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();

        if (form.containsKey("decline")) {
            registry.decline(pending.record);
            end(context, FlowEnd.ACCESS_DENIED, "The user declined the transaction");
            return;
        }

        if (FailureLimit.refusedWhileBlocked(context, pending.record)) {
            return;
        }

        Optional<CodeChannel> send = CodePage.sendRequested(form);
        if (send.isPresent()) {
            context.challenge(sendCode(context, pending, config, send.get()));
            return;
        }

        TransactionRegistry.Factor factor = verify(context, pending, form, config);
        if (factor == null) {
            TransactionStore.FailureOutcome outcome = registry.recordFailure(pending.record);
            boolean blocked = FailureLimit.blockedBy(context, pending.record, config);
            if (blocked && outcome == TransactionStore.FailureOutcome.RETRY) {
                // The user's limit is reached on a transaction still pending: say so (docs/api.md §4). A failure
                // that also locked its transaction ends as every lock does, with access_denied at the app.
                FailureLimit.showBlocked(context, pending.record);
                return;
            }
            if (outcome == TransactionStore.FailureOutcome.RETRY) {
                context.getEvent().clone().detail(EventDetails.TRANSACTION_ID, pending.record.id())
                        .error(Errors.INVALID_USER_CREDENTIALS);
                // Not failureChallenge: the transaction's own counter is the PSD2 lock. Feeding Keycloak's
                // brute-force detection too would let its quick-login check reset the flow after two fast typos.
                context.challenge(ConfirmationPage.render(context, pending.record, pending.detail, config,
                        INVALID_CODE));
                return;
            }
            end(context, FlowEnd.ACCESS_DENIED, "The transaction could not be confirmed");
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<TransactionRegistry.Approval> approval = registry.approve(pending.record, factor,
                authSession.getParentSession().getId());
        if (approval.isEmpty()) {
            end(context, FlowEnd.ACCESS_DENIED, "The transaction could not be confirmed");
            return;
        }
        FailureLimit.reset(context);
        writeApprovalNotes(authSession, approval.get());
        LOG.debugf("Transaction approved by %s in realm %s, confirmation handled in %d us", factor.method(),
                context.getRealm().getName(), (System.nanoTime() - started) / 1000);
        context.success();
    }

    /** docs/api.md §5: the notes the token mappers and the RAR processor read. */
    private static void writeApprovalNotes(AuthenticationSessionModel authSession,
                                           TransactionRegistry.Approval approval) {
        authSession.setClientNote(ApprovalNotes.TRANSACTION_ID, approval.transactionId());
        authSession.setClientNote(ApprovalNotes.DETAIL, approval.canonicalDetail());
        authSession.setClientNote(ApprovalNotes.HASH, approval.hash());
        // Only the code of THIS request may deliver the approval (ApprovalBinding; docs/api.md §5).
        authSession.setClientNote(ApprovalNotes.REQUEST, ApprovalBinding.record(
                authSession.getClientNote(OIDCLoginProtocol.CODE_CHALLENGE_PARAM),
                authSession.getClientNote(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM)));
        // A client session reused from an earlier approval must not keep that approval's token binding.
        authSession.setClientNote(ApprovalNotes.TOKEN_ID, "");
    }

    /** docs/api.md §9: a send is not a confirmation attempt; over a cap the page says when to try again. */
    private static Response sendCode(AuthenticationFlowContext context, Pending pending,
                                     TransactionConfirmConfig config, CodeChannel channel) {
        CodeFactor.Sent sent = CodeFactor.send(context.getSession(), context.getRealm(), context.getUser(),
                pending.record, pending.detail, channel);
        Optional<CodeNotice> notice = CodeNotice.of(sent, "txauthCodeNoMore", "txauthCodeUnavailable");
        if (notice.isEmpty()) {
            CodePage.markSent(context, channel);
            return ConfirmationPage.render(context, pending.record, pending.detail, config, null);
        }
        return ConfirmationPage.render(context, pending.record, pending.detail, config, notice.get().key(),
                (Object[]) notice.get().parameters());
    }

    private TransactionRegistry.Factor verify(AuthenticationFlowContext context, Pending pending,
                                              MultivaluedMap<String, String> form, TransactionConfirmConfig config) {
        String codeFactor = form.getFirst("factor");
        if (codeFactor != null && !codeFactor.isBlank()) {
            // docs/api.md §9: an SMS or email code; an unknown factor is a wrong code, never a TOTP fallback
            Optional<CodeChannel> channel = CodeChannel.ofFactor(codeFactor);
            return channel.isPresent() && CodeFactor.verify(context.getSession(), context.getRealm(), pending.record,
                    channel.get(), form.getFirst("otp"))
                    ? new TransactionRegistry.Factor(channel.get().factor(), null, null) : null;
        }
        String clientData = form.getFirst("clientDataJSON");
        if (clientData != null && !clientData.isBlank()) {
            if (!config.passkeyEnabled()) {
                return null;
            }
            PasskeyResult result = PasskeyConfirmation.verify(context.getSession(), context.getRealm(),
                    context.getUser(), pending.record.detail(), Base64.getUrlDecoder().decode(pending.record.nonce()),
                    form);
            return result.verified()
                    ? new TransactionRegistry.Factor("passkey", result.credentialId(), result.evidenceJson()) : null;
        }
        if (!config.totpEnabled()) {
            return null;
        }
        Optional<String> credential = TotpConfirmation.verify(context.getSession(), context.getRealm(),
                context.getUser(), form.getFirst("otp"));
        return credential.map(c -> new TransactionRegistry.Factor("totp", c, null)).orElse(null);
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
        TransactionRegistry.Lookup lookup = TransactionRegistry.of(context.getSession(), context.getRealm())
                .pendingFor(context.getUser(), authSession.getClient(), id.get());
        if (lookup instanceof TransactionRegistry.Lookup.Unknown) {
            context.getEvent().detail(EventDetails.TRANSACTION_ID, id.get());
            end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS, "Unknown transaction");
            return null;
        }
        if (lookup instanceof TransactionRegistry.Lookup.NotPending ended) {
            if (submitted) {
                // The page was open while the transaction ended (timeout, lock, decision in another tab).
                String message = switch (ended.status()) {
                    case LOCKED -> "txauthTransactionLocked";
                    case EXPIRED -> "txauthTransactionExpired";
                    default -> "txauthTransactionNotFound";
                };
                context.getEvent().clone().detail(EventDetails.TRANSACTION_ID, ended.record().id())
                        .error(Errors.EXPIRED_CODE);
                ConfirmationPage.endedAtClient(context, message, "The transaction is no longer pending");
                return null;
            }
            end(context, FlowEnd.INVALID_AUTHORIZATION_DETAILS, "The transaction is not pending");
            return null;
        }
        TransactionRecord record = ((TransactionRegistry.Lookup.Pending) lookup).record();
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
}
