package dev.txauth.controls.limits;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsEngineTest {

    static final LimitRules RULES = new LimitRules(Map.of("NGN", ngn("20000.00")), Map.of("NGN", ngn("25000000.00")));

    static Amount ngn(String decimal) {
        return Amount.parse("NGN", decimal);
    }

    private static LimitDecision decide(UserControls user, String window, String today, boolean cooling, String amount) {
        return LimitsEngine.decide(RULES, user, new LedgerSnapshot(ngn(window), ngn(today)), cooling, ngn(amount));
    }

    @Test
    void coolingPeriodAllowsUpToTheCapAndNamesWhatRemains() {
        assertTrue(decide(UserControls.DEFAULTS, "0", "0", true, "15000.00").allowed());
        LimitDecision second = decide(UserControls.DEFAULTS, "15000.00", "15000.00", true, "6000.00");
        assertEquals(Map.of("error", "limit_exceeded", "limit", "cooling_period", "remaining", "5000.00",
                "currency", "NGN"), ((LimitDecision.Refused) second).body());
        assertTrue(decide(UserControls.DEFAULTS, "15000.00", "15000.00", true, "5000.00").allowed(), "exactly the cap");
        assertTrue(decide(UserControls.DEFAULTS, "15000.00", "15000.00", false, "6000.00").allowed(), "after the window");
    }

    @Test
    void refusalBodyHasTheMembersInTheOrderOfTheInterface() {
        LimitDecision.Refused refused = (LimitDecision.Refused) decide(UserControls.DEFAULTS, "0", "0", true, "20000.01");
        assertEquals("[error, limit, remaining, currency]", refused.body().keySet().toString());
        assertEquals("20000.00", refused.body().get("remaining"));
    }

    @Test
    void aCurrencyWithoutCoolingCapIsRefusedDuringCooling() {
        LimitDecision d = LimitsEngine.decide(RULES, UserControls.DEFAULTS, LedgerSnapshot.empty("USD"), true,
                Amount.parse("USD", "1.00"));
        assertEquals(Map.of("error", "limit_exceeded", "limit", "cooling_period", "remaining", "0.00",
                "currency", "USD"), ((LimitDecision.Refused) d).body());
        assertTrue(LimitsEngine.decide(RULES, UserControls.DEFAULTS, LedgerSnapshot.empty("USD"), false,
                Amount.parse("USD", "1000000000.00")).allowed(), "no regulatory cap configured for USD");
    }

    @Test
    void optOutComesFirst() {
        UserControls optedOut = new UserControls(ngn("1.00"), ngn("1.00"), false);
        assertInstanceOf(LimitDecision.InstantPaymentsDisabled.class, decide(optedOut, "20000.00", "0", true, "1.00"));
        assertEquals(Map.of("error", "instant_payments_disabled"),
                ((LimitDecision.Refused) decide(optedOut, "0", "0", false, "1.00")).body());
    }

    @Test
    void coolingIsCheckedBeforeUserLimits() {
        UserControls tight = new UserControls(ngn("100.00"), ngn("100.00"), true);
        LimitDecision d = decide(tight, "19999.00", "0", true, "5000.00");
        assertEquals("cooling_period", ((LimitDecision.Refused) d).body().get("limit"));
    }

    @Test
    void perTransactionLimitRemainingIsTheLimitItself() {
        UserControls user = new UserControls(ngn("50000.00"), null, true);
        LimitDecision d = decide(user, "0", "0", false, "50000.01");
        assertEquals(Map.of("error", "limit_exceeded", "limit", "per_transaction", "remaining", "50000.00",
                "currency", "NGN"), ((LimitDecision.Refused) d).body());
        assertTrue(decide(user, "0", "0", false, "50000.00").allowed());
    }

    @Test
    void dailyLimitCountsTodaysApprovals() {
        UserControls user = new UserControls(null, ngn("100000.00"), true);
        assertTrue(decide(user, "0", "90000.00", false, "10000.00").allowed());
        LimitDecision d = decide(user, "0", "90000.00", false, "10000.01");
        assertEquals(Map.of("error", "limit_exceeded", "limit", "daily", "remaining", "10000.00", "currency", "NGN"),
                ((LimitDecision.Refused) d).body());
        LimitDecision over = decide(user, "0", "120000.00", false, "1.00");
        assertEquals("0.00", ((LimitDecision.Refused) over).body().get("remaining"), "never negative");
    }

    @Test
    void regulatoryCapAppliesWhenTheUserSetNothingAndBoundsWhatTheUserSet() {
        assertEquals("per_transaction", ((LimitDecision.Refused) decide(UserControls.DEFAULTS, "0", "0", false,
                "25000000.01")).body().get("limit"));
        assertEquals("daily", ((LimitDecision.Refused) decide(UserControls.DEFAULTS, "0", "24000000.00", false,
                "1000000.01")).body().get("limit"));
        UserControls aboveCap = new UserControls(ngn("30000000.00"), ngn("30000000.00"), true);
        LimitDecision d = decide(aboveCap, "0", "0", false, "26000000.00");
        assertEquals("25000000.00", ((LimitDecision.Refused) d).body().get("remaining"));
    }

    @Test
    void userLimitsInAnotherCurrencyDoNotApply() {
        UserControls usdLimits = new UserControls(Amount.parse("USD", "1.00"), Amount.parse("USD", "1.00"), true);
        assertTrue(decide(usdLimits, "0", "0", false, "500000.00").allowed());
    }

    @Test
    void refusesNonPositiveAmountsAndMixedCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> decide(UserControls.DEFAULTS, "0", "0", false, "0"));
        assertThrows(IllegalArgumentException.class, () -> LimitsEngine.decide(RULES, UserControls.DEFAULTS,
                LedgerSnapshot.empty("USD"), true, ngn("1.00")));
    }
}
