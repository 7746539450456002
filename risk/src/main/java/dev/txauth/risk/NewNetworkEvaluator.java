package dev.txauth.risk;

/** Fires when the client network (IPv4 /24, IPv6 /48) was never the last network of the user's known devices. */
final class NewNetworkEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.NEW_NETWORK;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return !input.networkSeen();
    }
}
