package dev.txauth.controls.limits;

import java.util.Map;
import java.util.Optional;

/**
 * The realm's caps per currency (docs/api.md §8): the cooling-period cap and the regulatory cap on what a user may set
 * (and on what applies while the user has set nothing). Built from the realm's txauth settings.
 */
public record LimitRules(Map<String, Amount> coolingPeriodLimits, Map<String, Amount> regulatoryCaps) {

    public LimitRules {
        coolingPeriodLimits = Map.copyOf(coolingPeriodLimits);
        regulatoryCaps = Map.copyOf(regulatoryCaps);
    }

    public Optional<Amount> coolingPeriodLimit(String currency) {
        return Optional.ofNullable(coolingPeriodLimits.get(currency));
    }

    public Optional<Amount> regulatoryCap(String currency) {
        return Optional.ofNullable(regulatoryCaps.get(currency));
    }
}
