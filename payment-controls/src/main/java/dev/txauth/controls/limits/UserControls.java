package dev.txauth.controls.limits;

import java.util.Optional;

/**
 * What a user has chosen (docs/api.md §8): optional per-transaction and daily limits, each in one currency and at most
 * the regulatory cap, and whether instant payments are on. A user limit applies to payments in its own currency only.
 */
public record UserControls(Amount perTransaction, Amount daily, boolean instantPaymentsEnabled) {

    /** A new user: no own limits, instant payments enabled. */
    public static final UserControls DEFAULTS = new UserControls(null, null, true);

    public Optional<Amount> perTransactionIn(String currency) {
        return perTransaction != null && perTransaction.currency().equals(currency)
                ? Optional.of(perTransaction) : Optional.empty();
    }

    public Optional<Amount> dailyIn(String currency) {
        return daily != null && daily.currency().equals(currency) ? Optional.of(daily) : Optional.empty();
    }
}
