package dev.txauth.authenticators.transaction.confirm;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What an approval leaves on the authentication (client notes, which Keycloak copies to the client session when the
 * code is issued). The token mappers (token-mappers module, {@code TransactionClaimsMapper}) and the RAR processor read
 * these names; keep both sides in step.
 */
public final class ApprovalNotes {

    public static final String TRANSACTION_ID = "txauth.approved.transaction_id";
    public static final String DETAIL = "txauth.approved.detail";
    public static final String HASH = "txauth.approved.txn_hash";
    /** Id of the one access token that carries the approval; empty until the code is exchanged. */
    public static final String TOKEN_ID = "txauth.approved.token_id";

    private ApprovalNotes() {
    }

    static void write(AuthenticationSessionModel authSession, String transactionId, String canonicalDetail,
                      String hash) {
        authSession.setClientNote(TRANSACTION_ID, transactionId);
        authSession.setClientNote(DETAIL, canonicalDetail);
        authSession.setClientNote(HASH, hash);
        // A client session reused from an earlier approval must not keep that approval's token binding.
        authSession.setClientNote(TOKEN_ID, "");
    }
}
