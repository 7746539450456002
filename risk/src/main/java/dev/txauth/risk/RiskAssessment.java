package dev.txauth.risk;

import java.util.List;
import java.util.stream.Collectors;

/** The engine's answer for one login: a 0–100 score, the signals that fired (in declaration order) and the decision. */
public record RiskAssessment(int score, List<RiskSignal> signals, RiskDecision decision) {

    public RiskAssessment {
        signals = List.copyOf(signals);
    }

    /** Comma-separated signal names for the {@code risk_signals} event detail ("" when none fired). */
    public String signalNames() {
        return signals.stream().map(RiskSignal::eventName).collect(Collectors.joining(","));
    }
}
