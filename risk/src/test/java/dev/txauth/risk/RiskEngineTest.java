package dev.txauth.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskEngineTest {

    private final RiskEngine engine = new RiskEngine();

    /** Every weight distinct, so a score tells exactly which signals fired. */
    private static Map<RiskSignal, Integer> distinctWeights() {
        Map<RiskSignal, Integer> w = new EnumMap<>(RiskSignal.class);
        w.put(RiskSignal.UNKNOWN_DEVICE, 1);
        w.put(RiskSignal.NEW_NETWORK, 2);
        w.put(RiskSignal.USER_FAILURES, 4);
        w.put(RiskSignal.IP_FAILURES, 8);
        w.put(RiskSignal.LOGIN_VELOCITY, 16);
        w.put(RiskSignal.USER_AGENT_CHANGE, 32);
        w.put(RiskSignal.LARGE_AMOUNT, 37);
        return w;
    }

    private static RiskPolicy policy(Map<RiskSignal, Integer> weights, int stepUp, int deny, LargeAmountAction action) {
        return new RiskPolicy(weights, 3, 10, 5, new BigDecimal("1000.00"), action, stepUp, deny);
    }

    private static RiskPolicy distinct() {
        return policy(distinctWeights(), 101, 101, LargeAmountAction.SCORE);
    }

    @Test
    void quietLoginScoresZeroAndIsAllowed() {
        RiskAssessment a = engine.assess(RiskInput.quiet(), RiskConfig.of(Map.of()).policy());
        assertEquals(0, a.score());
        assertEquals(List.of(), a.signals());
        assertEquals("", a.signalNames());
        assertEquals(RiskDecision.ALLOW, a.decision());
    }

    @Test
    void unknownDeviceFiresWithItsWeight() {
        RiskAssessment a = engine.assess(RiskInput.quiet().withDeviceKnown(false), distinct());
        assertEquals(List.of(RiskSignal.UNKNOWN_DEVICE), a.signals());
        assertEquals(1, a.score());
    }

    @Test
    void newNetworkFiresWithItsWeight() {
        RiskAssessment a = engine.assess(RiskInput.quiet().withNetworkSeen(false), distinct());
        assertEquals(List.of(RiskSignal.NEW_NETWORK), a.signals());
        assertEquals(2, a.score());
    }

    @ParameterizedTest
    @CsvSource({"2,false", "3,true", "4,true"})
    void userFailuresFireFromTheConfiguredCount(int failures, boolean fires) {
        RiskAssessment a = engine.assess(RiskInput.quiet().withFailures(failures, 0), distinct());
        assertEquals(fires ? List.of(RiskSignal.USER_FAILURES) : List.of(), a.signals());
        assertEquals(fires ? 4 : 0, a.score());
    }

    @ParameterizedTest
    @CsvSource({"9,false", "10,true", "500,true"})
    void ipFailuresFireFromTheConfiguredCount(int failures, boolean fires) {
        RiskAssessment a = engine.assess(RiskInput.quiet().withFailures(0, failures), distinct());
        assertEquals(fires ? List.of(RiskSignal.IP_FAILURES) : List.of(), a.signals());
        assertEquals(fires ? 8 : 0, a.score());
    }

    @ParameterizedTest
    @CsvSource({"4,false", "5,true"})
    void loginVelocityFiresFromTheConfiguredCount(int logins, boolean fires) {
        RiskAssessment a = engine.assess(RiskInput.quiet().withRecentLogins(logins), distinct());
        assertEquals(fires ? List.of(RiskSignal.LOGIN_VELOCITY) : List.of(), a.signals());
        assertEquals(fires ? 16 : 0, a.score());
    }

    @Test
    void userAgentChangeFiresOnlyAgainstAKnownFamily() {
        assertEquals(List.of(RiskSignal.USER_AGENT_CHANGE), engine.assess(RiskInput.quiet()
                .withUserAgents("Chrome on Android", "Firefox on Linux"), distinct()).signals());
        assertEquals(32, engine.assess(RiskInput.quiet()
                .withUserAgents("Chrome on Android", "Firefox on Linux"), distinct()).score());
        assertEquals(List.of(), engine.assess(RiskInput.quiet()
                .withUserAgents("Chrome on Android", null), distinct()).signals(), "no history: nothing to change from");
        assertEquals(List.of(), engine.assess(RiskInput.quiet()
                .withUserAgents("Firefox on Linux", "Firefox on Linux"), distinct()).signals());
    }

    @ParameterizedTest
    @CsvSource({
            "999.99,false,false",
            "1000.00,false,true",   // exactly at the threshold counts as large
            "1000,false,true",      // scale does not matter
            "250000,false,true",
            "250000,true,false",    // a known device may pay large amounts
    })
    void largeAmountFiresOnlyFromAnUnknownDeviceAtOrAboveTheThreshold(String amount, boolean known, boolean fires) {
        RiskInput input = RiskInput.quiet().withDeviceKnown(known).withTransactionAmount(new BigDecimal(amount));
        RiskAssessment a = engine.assess(input, distinct());
        assertEquals(fires, a.signals().contains(RiskSignal.LARGE_AMOUNT), a.signals().toString());
    }

    @Test
    void noAmountMeansNoLargeAmountSignal() {
        assertEquals(List.of(RiskSignal.UNKNOWN_DEVICE),
                engine.assess(RiskInput.quiet().withDeviceKnown(false), distinct()).signals());
    }

    @Test
    void weightsAddUpAndSignalsKeepDeclarationOrder() {
        RiskInput all = new RiskInput(false, false, 3, 10, 5, "Chrome on Android", "Firefox on Linux",
                new BigDecimal("1000"));
        RiskPolicy small = policy(Map.of(RiskSignal.UNKNOWN_DEVICE, 1, RiskSignal.NEW_NETWORK, 2,
                RiskSignal.USER_FAILURES, 4, RiskSignal.IP_FAILURES, 8, RiskSignal.LOGIN_VELOCITY, 16,
                RiskSignal.USER_AGENT_CHANGE, 32, RiskSignal.LARGE_AMOUNT, 0), 101, 101, LargeAmountAction.SCORE);
        RiskAssessment a = engine.assess(all, small);
        assertEquals(63, a.score());
        assertEquals(List.of(RiskSignal.values()), a.signals());
        assertEquals("unknown_device,new_network,user_failures,ip_failures,login_velocity,user_agent_change,large_amount",
                a.signalNames());
    }

    @Test
    void scoreIsCappedAtOneHundred() {
        RiskInput all = new RiskInput(false, false, 3, 10, 5, "a", "b", new BigDecimal("5000"));
        Map<RiskSignal, Integer> heavy = new EnumMap<>(RiskSignal.class);
        for (RiskSignal s : RiskSignal.values()) {
            heavy.put(s, 100);
        }
        assertEquals(100, engine.assess(all, policy(heavy, 50, 101, LargeAmountAction.SCORE)).score());
    }

    @ParameterizedTest
    @EnumSource(RiskSignal.class)
    void weightZeroSwitchesASignalOffButItIsStillReported(RiskSignal signal) {
        RiskInput all = new RiskInput(false, false, 3, 10, 5, "a", "b", new BigDecimal("5000"));
        Map<RiskSignal, Integer> weights = distinctWeights();
        int full = engine.assess(all, policy(weights, 101, 101, LargeAmountAction.SCORE)).score();
        int expectedWithout = Math.min(100, weights.values().stream().mapToInt(Integer::intValue).sum()
                - weights.get(signal));
        weights.put(signal, 0);
        RiskAssessment without = engine.assess(all, policy(weights, 101, 101, LargeAmountAction.SCORE));
        assertEquals(expectedWithout, without.score());
        assertTrue(without.signals().contains(signal));
        assertTrue(full >= without.score());
    }

    /** unknown device (40) + new network (20) = 60 with the given thresholds. */
    @ParameterizedTest
    @CsvSource({
            "61,80,ALLOW",     // one below the step-up threshold
            "60,80,STEP_UP",   // exactly at the step-up threshold
            "40,61,STEP_UP",   // one below the deny threshold
            "40,60,DENY",      // exactly at the deny threshold
            "60,60,DENY",      // both thresholds equal: deny wins
            "101,101,ALLOW",   // 101 switches both decisions off
    })
    void thresholdEdges(int stepUp, int deny, RiskDecision expected) {
        RiskPolicy p = policy(Map.of(RiskSignal.UNKNOWN_DEVICE, 40, RiskSignal.NEW_NETWORK, 20), stepUp, deny,
                LargeAmountAction.SCORE);
        RiskAssessment a = engine.assess(RiskInput.quiet().withDeviceKnown(false).withNetworkSeen(false), p);
        assertEquals(60, a.score());
        assertEquals(expected, a.decision());
    }

    @Test
    void scoreZeroWithStepUpThresholdOneIsAllowed() {
        RiskPolicy p = policy(distinctWeights(), 1, 2, LargeAmountAction.SCORE);
        assertEquals(RiskDecision.ALLOW, engine.assess(RiskInput.quiet(), p).decision());
        assertEquals(RiskDecision.STEP_UP, engine.assess(RiskInput.quiet().withDeviceKnown(false), p).decision());
        assertEquals(RiskDecision.DENY, engine.assess(RiskInput.quiet().withNetworkSeen(false), p).decision());
    }

    @Test
    void largeAmountActionDenyOverridesALowScore() {
        RiskInput input = RiskInput.quiet().withDeviceKnown(false).withTransactionAmount(new BigDecimal("1000"));
        RiskAssessment a = engine.assess(input, policy(Map.of(), 101, 101, LargeAmountAction.DENY));
        assertEquals(0, a.score());
        assertEquals(RiskDecision.DENY, a.decision());
    }

    @Test
    void largeAmountActionPasskeyRaisesToPasskeyButNeverLowersADeny() {
        RiskInput input = RiskInput.quiet().withDeviceKnown(false).withTransactionAmount(new BigDecimal("1000"));
        assertEquals(RiskDecision.STEP_UP_PASSKEY, engine.assess(input,
                policy(Map.of(), 101, 101, LargeAmountAction.PASSKEY)).decision());
        assertEquals(RiskDecision.DENY, engine.assess(input,
                policy(Map.of(RiskSignal.UNKNOWN_DEVICE, 50), 10, 50, LargeAmountAction.PASSKEY)).decision());
    }

    @Test
    void largeAmountActionScoreOnlyAddsTheWeight() {
        RiskInput input = RiskInput.quiet().withDeviceKnown(false).withTransactionAmount(new BigDecimal("1000"));
        RiskAssessment a = engine.assess(input, policy(Map.of(RiskSignal.UNKNOWN_DEVICE, 10,
                RiskSignal.LARGE_AMOUNT, 30), 40, 80, LargeAmountAction.SCORE));
        assertEquals(40, a.score());
        assertEquals(RiskDecision.STEP_UP, a.decision());
    }

    @Test
    void defaultPolicyStepsUpANewDeviceOnANewNetworkAndDeniesAFailureStormOnAKnownOne() {
        RiskPolicy defaults = RiskConfig.of(Map.of()).policy();
        RiskAssessment fresh = engine.assess(RiskInput.quiet().withDeviceKnown(false).withNetworkSeen(false), defaults);
        assertEquals(60, fresh.score());
        assertEquals(RiskDecision.STEP_UP, fresh.decision());
        assertEquals(RiskDecision.STEP_UP, engine.assess(RiskInput.quiet().withFailures(0, 10), defaults).decision());
        RiskAssessment storm = engine.assess(RiskInput.quiet().withFailures(3, 10), defaults);
        assertEquals(80, storm.score());
        assertEquals(RiskDecision.DENY, storm.decision());
        assertEquals(RiskDecision.DENY, engine.assess(RiskInput.quiet().withDeviceKnown(false)
                .withTransactionAmount(new BigDecimal("100000.00")), defaults).decision());
        assertEquals(RiskDecision.STEP_UP, engine.assess(RiskInput.quiet().withDeviceKnown(false)
                .withTransactionAmount(new BigDecimal("99999.99")), defaults).decision());
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of(RiskSignal.NEW_NETWORK, 101), 40, 80,
                LargeAmountAction.SCORE));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of(RiskSignal.NEW_NETWORK, -1), 40, 80,
                LargeAmountAction.SCORE));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of(), 81, 80, LargeAmountAction.SCORE));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of(), 0, 80, LargeAmountAction.SCORE));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of(), 40, 102, LargeAmountAction.SCORE));
        assertThrows(IllegalArgumentException.class, () -> new RiskPolicy(Map.of(), 0, 10, 5,
                BigDecimal.ONE, LargeAmountAction.DENY, 40, 80));
        assertThrows(IllegalArgumentException.class, () -> new RiskPolicy(Map.of(), 3, 10, 5,
                BigDecimal.ZERO, LargeAmountAction.DENY, 40, 80));
    }

    @Test
    void decisionOrder() {
        assertTrue(RiskDecision.DENY.atLeast(RiskDecision.STEP_UP_PASSKEY));
        assertTrue(RiskDecision.STEP_UP_PASSKEY.atLeast(RiskDecision.STEP_UP));
        assertTrue(RiskDecision.STEP_UP.atLeast(RiskDecision.STEP_UP));
        assertEquals(RiskDecision.DENY, RiskDecision.STEP_UP.max(RiskDecision.DENY));
        assertEquals(RiskDecision.STEP_UP, RiskDecision.STEP_UP.max(RiskDecision.ALLOW));
    }
}
