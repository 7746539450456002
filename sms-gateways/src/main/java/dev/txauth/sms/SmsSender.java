package dev.txauth.sms;

import org.keycloak.provider.Provider;

/**
 * Sends one SMS through one gateway (or, for {@link SmsDispatcher}, through the first gateway of the failover list
 * that takes it). Implementations never retry and never throw for a gateway's answer: every result is an
 * {@link SmsOutcome}. They never log the destination beyond its last 4 digits, nor the text (it carries a code).
 */
public interface SmsSender extends Provider {

    SmsOutcome send(SmsMessage message);

    @Override
    default void close() {
        // Senders hold no per-session resources; the factory owns the HTTP client.
    }
}
