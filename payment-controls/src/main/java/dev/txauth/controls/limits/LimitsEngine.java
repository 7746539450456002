package dev.txauth.controls.limits;

import java.util.Optional;

/**
 * Decides whether one payment fits the CBN payment controls (docs/api.md §8). Pure: the caller reads the settings,
 * the user's controls and the ledger, and repeats the call atomically at approval against a locked ledger row.
 *
 * <p>Checks, in this order (the first that fails answers):
 * <ol>
 *   <li>instant payments opted out → {@code instant_payments_disabled} (nothing about amounts is revealed);</li>
 *   <li>cooling period active → the window's approved total plus this amount may not exceed the currency's
 *       cooling-period cap; a currency without a configured cap is refused during cooling (fail closed);</li>
 *   <li>per transaction → the amount may not exceed the user's per-transaction limit, or the regulatory cap when
 *       the user set none (the smaller of the two when both exist);</li>
 *   <li>daily → today's approved total plus this amount may not exceed the user's daily limit, or the regulatory
 *       cap.</li>
 * </ol>
 * The cooling period goes before the user's limits because it is the tightest cap while it lasts and its answer tells
 * the user the one thing that helps (wait); per-transaction goes before daily because it does not depend on history.
 * {@code remaining} is what this check would still allow: never negative.
 */
public final class LimitsEngine {

    private LimitsEngine() {
    }

    public static LimitDecision decide(LimitRules rules, UserControls user, LedgerSnapshot ledger,
                                       boolean coolingActive, Amount amount) {
        if (amount.minor() <= 0) {
            throw new IllegalArgumentException("a payment amount is positive");
        }
        String currency = amount.currency();
        if (!user.instantPaymentsEnabled()) {
            return new LimitDecision.InstantPaymentsDisabled();
        }
        if (coolingActive) {
            Amount cap = rules.coolingPeriodLimit(currency).orElse(Amount.zero(currency));
            Optional<LimitDecision> refused = totalWithin(LimitKind.COOLING_PERIOD, cap,
                    ledger.approvedInCoolingWindow(), amount);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Optional<Amount> perTransaction = smaller(user.perTransactionIn(currency), rules.regulatoryCap(currency));
        if (perTransaction.isPresent() && amount.exceeds(perTransaction.get())) {
            return new LimitDecision.LimitExceeded(LimitKind.PER_TRANSACTION, perTransaction.get());
        }
        Optional<Amount> daily = smaller(user.dailyIn(currency), rules.regulatoryCap(currency));
        if (daily.isPresent()) {
            return totalWithin(LimitKind.DAILY, daily.get(), ledger.approvedToday(), amount)
                    .orElse(LimitDecision.ALLOWED);
        }
        return LimitDecision.ALLOWED;
    }

    private static Optional<LimitDecision> totalWithin(LimitKind kind, Amount cap, Amount used, Amount amount) {
        if (used.plus(amount).exceeds(cap)) {
            return Optional.of(new LimitDecision.LimitExceeded(kind, cap.remainingAfter(used)));
        }
        return Optional.empty();
    }

    private static Optional<Amount> smaller(Optional<Amount> a, Optional<Amount> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(a.get().min(b.get()));
    }
}
