package dev.txauth.webhooks;

/** One registered endpoint as stored (the secret stays sealed until a sender needs it). */
public record Endpoint(String id, String realmId, String url, EventFilter events, boolean enabled, String secretSealed,
                       long createdAt, long updatedAt, int consecutiveFailures, Long pausedUntil) {
}
