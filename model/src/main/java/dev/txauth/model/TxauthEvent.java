package dev.txauth.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Every event txauth emits, once. Each travels as a Keycloak user event ({@code CUSTOM_REQUIRED_ACTION[_ERROR]}) whose
 * {@link EventDetails#TXAUTH_EVENT} detail is {@link #wireValue()}; the audit trail stores it under
 * {@link #auditType()} (docs/api.md §7). Emitters and the audit mapper both use this enum, so a name cannot drift
 * between the jar that sends an event and the jar that records it.
 */
public enum TxauthEvent {

    /** docs/api.md §3: a payment service registered a transaction. */
    TRANSACTION_REGISTERED,
    /** docs/api.md §4: the user confirmed it (TOTP or passkey). */
    TRANSACTION_APPROVED,
    /** docs/api.md §4: the user declined it. */
    TRANSACTION_DECLINED,
    /** docs/api.md §4: too many wrong codes. */
    TRANSACTION_LOCKED,
    /** docs/api.md §3/§4: its time ran out, or the approving session was revoked. */
    TRANSACTION_EXPIRED,
    /** docs/api.md §3: the payment service consumed the approval. */
    TRANSACTION_CONSUMED,
    /** docs/api.md §4: too many consecutive failed confirmations across the user's transactions; paused for a time. */
    CONFIRMATIONS_BLOCKED,
    /** docs/api.md §6: the risk step scored a login. */
    RISK_DECISION,
    /** docs/api.md §6: a device became known after a second factor. */
    DEVICE_TRUSTED,
    /** docs/api.md §6: an admin forgot a device. */
    DEVICE_FORGOTTEN,
    /** docs/api.md §8: an app instance's DPoP key became the user's one bound device. */
    DEVICE_BOUND,
    /** docs/api.md §8: the bound key was replaced by another or an admin unbound it. */
    DEVICE_UNBOUND,
    /** docs/api.md §8: a registration or an approval was refused by a limit or the opt-out. */
    LIMIT_REFUSED,
    /** docs/api.md §8: the user changed their own limits. */
    LIMITS_CHANGED,
    /** docs/api.md §8: the user opted out of instant payments. */
    INSTANT_PAYMENTS_DISABLED,
    /** docs/api.md §8: the user opted back in. */
    INSTANT_PAYMENTS_ENABLED,
    /** docs/api.md §10: a login attempt refused with 429 by the per-IP throttle, before any password check. */
    LOGIN_THROTTLED;

    private static final String AUDIT_PREFIX = "TXAUTH_";

    /** The {@code txauth_event} detail value, e.g. {@code transaction_approved}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The audit trail's {@code type}, e.g. {@code TXAUTH_TRANSACTION_APPROVED}. */
    public String auditType() {
        return AUDIT_PREFIX + name();
    }

    public static Optional<TxauthEvent> fromWire(String wireValue) {
        for (TxauthEvent event : values()) {
            if (event.wireValue().equals(wireValue)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /**
     * The audit type of any {@code txauth_event} value: this enum's for a known one; for a value another extension
     * sent, the same rule applied to its text, so such events stay recorded and findable instead of being dropped.
     */
    public static String auditTypeOf(String wireValue) {
        return fromWire(wireValue.trim()).map(TxauthEvent::auditType).orElseGet(() ->
                AUDIT_PREFIX + wireValue.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"));
    }
}
