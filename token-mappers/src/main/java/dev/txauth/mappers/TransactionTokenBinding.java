package dev.txauth.mappers;

import dev.txauth.model.ApprovalBinding;
import dev.txauth.model.ApprovalNotes;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessToken;

import java.util.Optional;

/**
 * Decides which single token carries an approved transaction: the access token of the authorization-code exchange that
 * follows the approval, and the introspection of that same token (matched by its {@code jti}). A refresh, a later
 * login in the same client session, or any other grant gets nothing, because the client-session notes outlive the
 * authentication that wrote them.
 */
public final class TransactionTokenBinding {

    /** Request-scoped: set when this request's access token carried the approval, read by the token-response mapper. */
    static final String ISSUED_ATTRIBUTE = "txauth.transaction.issued";

    private TransactionTokenBinding() {
    }

    /**
     * For the access token being built now; binds the approval to this token on first use. Only at the exchange of
     * the code that the approving request received ({@link ApprovalBinding}): a later login of the same client
     * session, before or after that code is redeemed, gets nothing.
     */
    public static Optional<ApprovedTransaction> forAccessToken(AccessToken token, ClientSessionContext ctx,
                                                               KeycloakSession session) {
        if (!OAuth2Constants.AUTHORIZATION_CODE.equals(ctx.getAttribute(Constants.GRANT_TYPE, String.class))
                || token.getId() == null) {
            return Optional.empty();
        }
        AuthenticatedClientSessionModel clientSession = ctx.getClientSession();
        Optional<ApprovedTransaction> approved = read(clientSession);
        if (approved.isEmpty() || !ApprovalBinding.matches(clientSession.getNote(ApprovalNotes.REQUEST),
                ApprovalBinding.presentedVerifier(session))) {
            return Optional.empty();
        }
        String boundTo = clientSession.getNote(ApprovalNotes.TOKEN_ID);
        if (boundTo != null && !boundTo.isEmpty() && !boundTo.equals(token.getId())) {
            return Optional.empty();
        }
        clientSession.setNote(ApprovalNotes.TOKEN_ID, token.getId());
        ctx.setAttribute(ISSUED_ATTRIBUTE, approved.get());
        return approved;
    }

    /** For introspection: only the very token the approval was bound to. */
    public static Optional<ApprovedTransaction> forIntrospection(AccessToken token, ClientSessionContext ctx) {
        AuthenticatedClientSessionModel clientSession = ctx.getClientSession();
        String boundTo = clientSession == null ? null : clientSession.getNote(ApprovalNotes.TOKEN_ID);
        if (boundTo == null || boundTo.isEmpty() || !boundTo.equals(token.getId())) {
            return Optional.empty();
        }
        return read(clientSession);
    }

    /** Whether {@code token} is the one token the approval is bound to (set by {@link #forAccessToken} first). */
    public static boolean isBoundTo(AccessToken token, ClientSessionContext ctx) {
        return forIntrospection(token, ctx).isPresent();
    }

    /** For the token endpoint response whose access token carried the approval. */
    public static Optional<ApprovedTransaction> forTokenResponse(ClientSessionContext ctx) {
        return Optional.ofNullable(ctx.getAttribute(ISSUED_ATTRIBUTE, ApprovedTransaction.class));
    }

    /** A transaction token lives at most {@code seconds} after issue (docs/api.md §5: 60 s by default). */
    public static void limitLifetime(AccessToken token, int seconds) {
        if (token.getIat() == null) {
            return;
        }
        long latest = token.getIat() + seconds;
        if (token.getExp() == null || token.getExp() > latest) {
            token.exp(latest);
        }
    }

    private static Optional<ApprovedTransaction> read(AuthenticatedClientSessionModel clientSession) {
        String id = clientSession.getNote(ApprovalNotes.TRANSACTION_ID);
        String detail = clientSession.getNote(ApprovalNotes.DETAIL);
        String hash = clientSession.getNote(ApprovalNotes.HASH);
        if (id == null || id.isEmpty() || detail == null || hash == null) {
            return Optional.empty();
        }
        return Optional.of(new ApprovedTransaction(id, detail, hash));
    }
}
