package dev.txauth.model;

/**
 * The detail keys of txauth's events (docs/api.md §7): written by the emitters in the transactions, devices and
 * authenticators jars, read by the audit mapper. Only ids, names and scores go into details; never an amount,
 * account, code or token.
 */
public final class EventDetails {

    /** Which {@link TxauthEvent} this Keycloak event is ({@link TxauthEvent#wireValue()}). */
    public static final String TXAUTH_EVENT = "txauth_event";
    /** The transaction an event is about; the audit trail files such events under {@code transactions/<id>}. */
    public static final String TRANSACTION_ID = "transaction_id";
    public static final String RISK_SCORE = "risk_score";
    public static final String RISK_DECISION = "risk_decision";
    public static final String RISK_SIGNALS = "risk_signals";
    public static final String DEVICE_ID = "device_id";
    public static final String DEVICE_LABEL = "device_label";
    public static final String ADMIN_USER_ID = "admin_user_id";
    /** The service account that registered or consumed a transaction: its client id and its user id. */
    public static final String ACTOR_CLIENT_ID = "actor_client_id";
    public static final String ACTOR_USER_ID = "actor_user_id";
    /** How an approval was given: {@code totp} or {@code passkey}, and the id (never the secret) of the credential. */
    public static final String FACTOR = "factor";
    public static final String CREDENTIAL_ID = "credential_id";
    /** docs/api.md §8: the RFC 7638 thumbprint of a device's DPoP public key (never the key itself). */
    public static final String DEVICE_JKT = "device_jkt";
    /** docs/api.md §8: which control refused ({@code cooling_period}, {@code daily}, … or {@code instant_payments_disabled}). */
    public static final String LIMIT = "limit";
    /** docs/api.md §8: where a limit refused: {@code register} or {@code approval}. */
    public static final String LIMIT_STAGE = "limit_stage";
    /** docs/api.md §10: which throttle limit refused a login: {@code ip} or {@code ip_username}. */
    public static final String THROTTLE_SCOPE = "throttle_scope";
    /** docs/api.md §10: the {@code Retry-After} the throttled request was given, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "retry_after_seconds";

    private EventDetails() {
    }
}
