package dev.txauth.risk;

/** Fires when the browser is not a device this user confirmed with a second factor. */
final class UnknownDeviceEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.UNKNOWN_DEVICE;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return !input.deviceKnown();
    }
}
