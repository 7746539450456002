package dev.txauth.authenticators.confirm.code;

import java.util.List;
import java.util.Optional;

/**
 * The abuse caps of docs/api.md §9, as pure arithmetic over the times (epoch seconds, oldest first) earlier codes
 * were sent: resend cooldown and sends per transaction, sends per user per hour, sends per destination per day.
 * Over a cap the answer says which and when a send would next be allowed, so the page can say when to try again.
 */
public record SendCaps(int cooldownSeconds, int perTransaction, int perUserPerHour, int perDestinationPerDay) {

    static final long HOUR = 3600;
    static final long DAY = 86_400;

    /** Why a send was refused; {@link #tag()} is the metric's {@code reason}. */
    public enum Reason {
        COOLDOWN, TRANSACTION, USER_HOUR, DESTINATION_DAY;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A refused send: the cap that refused it and the first second at which it would be allowed (null: never). */
    public record Capped(Reason reason, Long retryAt) {
    }

    /**
     * @param transactionSends every send for this transaction
     * @param userSends        sends to this user on this channel within the last hour
     * @param destinationSends sends to this destination within the last day
     */
    public Optional<Capped> check(List<Long> transactionSends, List<Long> userSends, List<Long> destinationSends,
                                  long now) {
        if (transactionSends.size() >= perTransaction) {
            return Optional.of(new Capped(Reason.TRANSACTION, null));
        }
        if (!transactionSends.isEmpty()) {
            long next = transactionSends.get(transactionSends.size() - 1) + cooldownSeconds;
            if (now < next) {
                return Optional.of(new Capped(Reason.COOLDOWN, next));
            }
        }
        Optional<Capped> hourly = window(userSends, perUserPerHour, HOUR, now, Reason.USER_HOUR);
        return hourly.isPresent() ? hourly : window(destinationSends, perDestinationPerDay, DAY, now,
                Reason.DESTINATION_DAY);
    }

    /** At the cap, a send becomes possible when enough of the window's oldest sends have left it. */
    private static Optional<Capped> window(List<Long> sends, int cap, long length, long now, Reason reason) {
        List<Long> inWindow = sends.stream().filter(t -> t > now - length).toList();
        if (inWindow.size() < cap) {
            return Optional.empty();
        }
        return Optional.of(new Capped(reason, inWindow.get(inWindow.size() - cap) + length));
    }
}
