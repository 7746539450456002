package dev.txauth.risk;

/**
 * One risk signal, judged on its own. Each implementation answers a single question about the login; the
 * {@link RiskEngine} adds up the weights of those that fire.
 */
public interface RiskEvaluator {

    RiskSignal signal();

    boolean fires(RiskInput input, RiskPolicy policy);
}
