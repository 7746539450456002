package dev.txauth.sms;

import java.util.List;

/**
 * What became of one SMS. {@link Sent}: a gateway accepted it. {@link Rejected}: a gateway refused it as the caller's
 * fault (HTTP 4xx, invalid number, ...) — not retried, not tried elsewhere, since another gateway would refuse it too
 * and a resend could double-bill. {@link Failed}: no gateway took it (timeouts, connection errors, 5xx).
 * No field ever holds the phone number, the text or a gateway's response body (which may echo them).
 */
public sealed interface SmsOutcome {

    /** @param messageId the gateway's id for the message, or null when its answer carried none */
    record Sent(String provider, String messageId) implements SmsOutcome {
    }

    /** @param detail a short machine reason such as {@code http-400} or {@code status-403}; never a response body */
    record Rejected(String provider, String detail) implements SmsOutcome {
    }

    /** @param attempts every gateway tried, in order; empty when no gateway is configured */
    record Failed(List<Attempt> attempts) implements SmsOutcome {
        public Failed {
            attempts = List.copyOf(attempts);
        }

        public static Failed of(String provider, Reason reason, String detail) {
            return new Failed(List.of(new Attempt(provider, reason, detail)));
        }
    }

    /** One gateway that did not take the message, and why. */
    record Attempt(String provider, Reason reason, String detail) {
    }

    /** Why a gateway did not take a message; each of these makes the dispatcher try the next gateway. */
    enum Reason {
        TIMEOUT, CONNECTION, SERVER_ERROR, ERROR;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
