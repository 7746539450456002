package dev.txauth.risk;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The admin's tuning of the engine: one weight (0–100) per signal, the counts that make a counter signal fire, and the
 * two score thresholds. A score at or above {@code stepUpThreshold} steps up, at or above {@code denyThreshold} denies.
 */
public record RiskPolicy(Map<RiskSignal, Integer> weights, int userFailureThreshold, int ipFailureThreshold,
                         int velocityMaxLogins, BigDecimal largeAmountThreshold, LargeAmountAction largeAmountAction,
                         int stepUpThreshold, int denyThreshold) {

    public RiskPolicy {
        Objects.requireNonNull(largeAmountThreshold, "largeAmountThreshold");
        Objects.requireNonNull(largeAmountAction, "largeAmountAction");
        EnumMap<RiskSignal, Integer> copy = new EnumMap<>(RiskSignal.class);
        for (RiskSignal signal : RiskSignal.values()) {
            int weight = weights.getOrDefault(signal, 0);
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("Weight of " + signal.eventName() + " must be 0-100: " + weight);
            }
            copy.put(signal, weight);
        }
        weights = Map.copyOf(copy);
        if (stepUpThreshold < 1 || stepUpThreshold > 101 || denyThreshold < 1 || denyThreshold > 101) {
            // 101 is the admin's way to switch a decision off: a score never exceeds 100.
            throw new IllegalArgumentException("Thresholds must be 1-101");
        }
        if (stepUpThreshold > denyThreshold) {
            throw new IllegalArgumentException("The step-up threshold must not exceed the deny threshold");
        }
        if (userFailureThreshold < 1 || ipFailureThreshold < 1 || velocityMaxLogins < 1) {
            throw new IllegalArgumentException("Counter thresholds must be at least 1");
        }
        if (largeAmountThreshold.signum() <= 0) {
            throw new IllegalArgumentException("The large-amount threshold must be positive");
        }
    }

    public int weight(RiskSignal signal) {
        return weights.get(signal);
    }
}
