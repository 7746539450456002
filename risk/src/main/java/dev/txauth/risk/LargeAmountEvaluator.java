package dev.txauth.risk;

/**
 * Fires when a payment of at least the large-amount threshold is being confirmed from an unknown device: the
 * combination account-takeover fraud needs. A known device with a large amount, or an unknown one with a small amount,
 * is left to the other signals.
 */
final class LargeAmountEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.LARGE_AMOUNT;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return !input.deviceKnown() && input.transactionAmount() != null
                && input.transactionAmount().compareTo(policy.largeAmountThreshold()) >= 0;
    }
}
