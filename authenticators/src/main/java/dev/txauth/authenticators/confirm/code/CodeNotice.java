package dev.txauth.authenticators.confirm.code;

import java.util.Optional;

/**
 * What a page says after a send request that sent nothing (docs/api.md §9): when to try again if a time cap refused
 * it, that no more codes can be sent for this subject, or that the code could not be delivered. One wording of the
 * waits for every page that sends codes; the two subject-specific messages are the caller's.
 *
 * @param key        message key of the theme's bundles
 * @param parameters its parameters (a number of seconds or minutes) as text, since MessageFormat would group
 *                   digits ("3,598")
 */
public record CodeNotice(String key, String... parameters) {

    static final String WAIT_SECONDS = "txauthCodeWait";
    static final String WAIT_MINUTES = "txauthCodeWaitMinutes";
    /** Below this a wait is said in seconds, above it in minutes rounded up. */
    static final long SECONDS_UP_TO = 120;

    /**
     * @param noMoreKey      the subject's own cap was reached (no retry time)
     * @param unavailableKey no gateway, or the gateway did not take it
     * @return empty when a code was sent
     */
    public static Optional<CodeNotice> of(CodeFactor.Sent sent, String noMoreKey, String unavailableKey) {
        if (sent instanceof CodeFactor.Sent.Done) {
            return Optional.empty();
        }
        if (sent instanceof CodeFactor.Sent.Capped capped) {
            Long wait = capped.retryAfterSeconds();
            if (wait == null) {
                return Optional.of(new CodeNotice(noMoreKey));
            }
            return Optional.of(wait < SECONDS_UP_TO ? new CodeNotice(WAIT_SECONDS, Long.toString(wait))
                    : new CodeNotice(WAIT_MINUTES, Long.toString((wait + 59) / 60)));
        }
        return Optional.of(new CodeNotice(unavailableKey));
    }
}
