package dev.txauth.model;

/**
 * What an approval leaves on the authentication: client notes, which Keycloak copies to the client session when the
 * code is issued. The confirm step ({@code txauth-transaction-confirm}) writes them; the token mappers and the RAR
 * processor read them (docs/api.md §5).
 */
public final class ApprovalNotes {

    public static final String TRANSACTION_ID = "txauth.approved.transaction_id";
    public static final String DETAIL = "txauth.approved.detail";
    public static final String HASH = "txauth.approved.txn_hash";
    /** {@link ApprovalBinding#record}: the PKCE challenge of the authorization request that made the approval. */
    public static final String REQUEST = "txauth.approved.request";
    /** Id of the one access token that carries the approval; empty until the code is exchanged. */
    public static final String TOKEN_ID = "txauth.approved.token_id";

    private ApprovalNotes() {
    }
}
