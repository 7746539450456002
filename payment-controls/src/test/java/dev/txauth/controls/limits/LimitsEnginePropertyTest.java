package dev.txauth.controls.limits;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random histories: whatever the caps and amounts, a ledger that records only what the engine allowed never
 * holds a total above any cap, and every refusal's {@code remaining} is exactly the room left under that cap.
 * The seed is the repetition number, so a failure names a history that can be replayed.
 */
class LimitsEnginePropertyTest {

    @RepeatedTest(200)
    void approvedTotalsNeverExceedAnyCap(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        long coolingCap = random.nextLong(0, 5_000_000);
        long regulatoryCap = random.nextLong(1, 50_000_000);
        Amount perTransaction = random.nextBoolean() ? kobo(random.nextLong(1, 60_000_000)) : null;
        Amount daily = random.nextBoolean() ? kobo(random.nextLong(1, 60_000_000)) : null;
        LimitRules rules = new LimitRules(Map.of("NGN", kobo(coolingCap)), Map.of("NGN", kobo(regulatoryCap)));
        UserControls user = new UserControls(perTransaction, daily, true);
        boolean cooling = random.nextBoolean();

        long window = 0;
        long today = 0;
        for (int i = 0; i < 60; i++) {
            long amount = random.nextInt(4) == 0 ? random.nextLong(1, 100) : random.nextLong(1, 3_000_000);
            LimitDecision decision = LimitsEngine.decide(rules, user,
                    new LedgerSnapshot(kobo(window), kobo(today)), cooling, kobo(amount));
            if (decision instanceof LimitDecision.LimitExceeded refused) {
                assertEquals(expectedRemaining(refused.limit(), rules, user, window, today), refused.remaining().minor());
                assertTrue(refused.remaining().minor() >= 0);
                continue;
            }
            assertTrue(decision.allowed());
            window += amount;
            today += amount;
            if (cooling) {
                assertFalse(window > coolingCap, "cooling cap exceeded");
            }
            assertFalse(amount > regulatoryCap, "regulatory per-transaction cap exceeded");
            assertFalse(today > regulatoryCap, "regulatory daily cap exceeded");
            assertFalse(perTransaction != null && amount > perTransaction.minor(), "per-transaction limit exceeded");
            assertFalse(daily != null && today > daily.minor(), "daily limit exceeded");
            if (random.nextInt(15) == 0) {
                today = 0;   // a new day; the cooling window keeps counting
            }
        }
    }

    private static long expectedRemaining(LimitKind kind, LimitRules rules, UserControls user, long window, long today) {
        long regulatory = rules.regulatoryCap("NGN").orElseThrow().minor();
        return switch (kind) {
            case COOLING_PERIOD -> Math.max(0, rules.coolingPeriodLimit("NGN").orElseThrow().minor() - window);
            case PER_TRANSACTION -> Math.min(regulatory, user.perTransactionIn("NGN").map(Amount::minor)
                    .orElse(Long.MAX_VALUE));
            case DAILY -> Math.max(0, Math.min(regulatory, user.dailyIn("NGN").map(Amount::minor)
                    .orElse(Long.MAX_VALUE)) - today);
        };
    }

    private static Amount kobo(long minor) {
        return new Amount("NGN", minor);
    }
}
