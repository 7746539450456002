package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        RiskConfig config = RiskConfig.of(Map.of());
        RiskPolicy p = config.policy();
        assertEquals(40, p.weight(RiskSignal.UNKNOWN_DEVICE));
        assertEquals(20, p.weight(RiskSignal.NEW_NETWORK));
        assertEquals(30, p.weight(RiskSignal.USER_FAILURES));
        assertEquals(50, p.weight(RiskSignal.IP_FAILURES));
        assertEquals(20, p.weight(RiskSignal.LOGIN_VELOCITY));
        assertEquals(15, p.weight(RiskSignal.USER_AGENT_CHANGE));
        assertEquals(40, p.weight(RiskSignal.LARGE_AMOUNT));
        assertEquals(40, p.stepUpThreshold());
        assertEquals(80, p.denyThreshold());
        assertEquals(3, p.userFailureThreshold());
        assertEquals(10, p.ipFailureThreshold());
        assertEquals(10, p.velocityMaxLogins());
        assertEquals(0, new BigDecimal("100000.00").compareTo(p.largeAmountThreshold()));
        assertEquals(LargeAmountAction.DENY, p.largeAmountAction());
        assertEquals(15 * 60_000L, config.failureWindowMillis());
        assertEquals(10, config.velocityWindowMinutes());
    }

    @Test
    void readsEveryKey() {
        RiskConfig config = RiskConfig.of(Map.ofEntries(
                Map.entry("weight-unknown-device", "11"), Map.entry("weight-new-network", "12"),
                Map.entry("weight-user-failures", "13"), Map.entry("weight-ip-failures", "14"),
                Map.entry("weight-login-velocity", "15"), Map.entry("weight-user-agent-change", "16"),
                Map.entry("weight-large-amount", "17"), Map.entry("step-up-threshold", "30"),
                Map.entry("deny-threshold", " 90 "), Map.entry("user-failure-threshold", "2"),
                Map.entry("ip-failure-threshold", "20"), Map.entry("velocity-max-logins", "4"),
                Map.entry("failure-window-minutes", "5"), Map.entry("velocity-window-minutes", "60"),
                Map.entry("large-amount-threshold", "5000.50"), Map.entry("large-amount-action", "passkey")));
        RiskPolicy p = config.policy();
        int expected = 11;
        for (RiskSignal s : RiskSignal.values()) {
            assertEquals(expected++, p.weight(s), s.name());
        }
        assertEquals(30, p.stepUpThreshold());
        assertEquals(90, p.denyThreshold());
        assertEquals(2, p.userFailureThreshold());
        assertEquals(20, p.ipFailureThreshold());
        assertEquals(4, p.velocityMaxLogins());
        assertEquals(new BigDecimal("5000.50"), p.largeAmountThreshold());
        assertEquals(LargeAmountAction.PASSKEY, p.largeAmountAction());
        assertEquals(5 * 60_000L, config.failureWindowMillis());
        assertEquals(60, config.velocityWindowMinutes());
    }

    @Test
    void malformedValuesFallBackToDefaults() {
        RiskConfig config = RiskConfig.of(Map.of("weight-unknown-device", "lots", "weight-new-network", "101",
                "deny-threshold", "-3", "large-amount-threshold", "1e", "large-amount-action", "SHRUG",
                "failure-window-minutes", "61"));
        RiskPolicy p = config.policy();
        assertEquals(40, p.weight(RiskSignal.UNKNOWN_DEVICE));
        assertEquals(20, p.weight(RiskSignal.NEW_NETWORK));
        assertEquals(80, p.denyThreshold());
        assertEquals(0, new BigDecimal("100000").compareTo(p.largeAmountThreshold()));
        assertEquals(LargeAmountAction.DENY, p.largeAmountAction());
        assertEquals(15 * 60_000L, config.failureWindowMillis());
    }

    @Test
    void stepUpAboveDenyFallsBackToTheDefaultPolicy() {
        RiskPolicy p = RiskConfig.of(Map.of("step-up-threshold", "90", "deny-threshold", "50",
                "weight-new-network", "5")).policy();
        assertEquals(40, p.stepUpThreshold());
        assertEquals(80, p.denyThreshold());
        assertEquals(20, p.weight(RiskSignal.NEW_NETWORK), "the whole policy falls back, not a mix");
    }

    @Test
    void everyPropertyHasHelpTextAndADefault() {
        assertEquals(RiskSignal.values().length + 9, RiskConfig.PROPERTIES.size());
        RiskConfig.PROPERTIES.forEach(p -> {
            assertTrue(p.getHelpText() != null && !p.getHelpText().isBlank(), p.getName());
            assertTrue(p.getDefaultValue() != null, p.getName());
        });
        assertEquals("weight-user-agent-change", RiskConfig.weightKey(RiskSignal.USER_AGENT_CHANGE));
    }
}
