package dev.txauth.webhooks;

/**
 * One outbox row claimed for an attempt, with what the attempt needs from its endpoint.
 *
 * @param webhookId the Standard Webhooks {@code webhook-id}: fixed when the row is written, the same on every retry
 * @param attempt   this attempt's number (1 = first)
 */
record Delivery(String id, String endpointId, String realmId, String webhookId, String body, int attempt,
                long expiresAt, String url, String secretSealed) {
}
