package dev.txauth.controls.selfservice;

import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.UserControls;
import dev.txauth.controls.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfServiceBodiesTest {

    private static final Optional<Amount> CAP = Optional.of(Amount.parse("NGN", "25000000.00"));

    @Test
    void readsBothLimitsInKoboAndKeepsTheOptOutState() {
        UserControls controls = SelfServiceBodies.limits("{\"per_transaction\":\"50000\",\"daily\":\"80000.50\"}", CAP,
                false);
        assertEquals(new Amount("NGN", 5_000_000), controls.perTransaction());
        assertEquals(new Amount("NGN", 8_000_050), controls.daily());
        assertFalse(controls.instantPaymentsEnabled());
    }

    @Test
    void nullMeansNoOwnLimitAndTheCapItselfIsAllowed() {
        UserControls controls = SelfServiceBodies.limits("{\"per_transaction\":null,\"daily\":\"25000000.00\"}", CAP,
                true);
        assertNull(controls.perTransaction());
        assertEquals(CAP.get(), controls.daily());
    }

    @Test
    void refusesEveryMalformedLimitsBody() {
        for (String bad : List.of("{\"per_transaction\":\"-5.00\",\"daily\":null}",
                "{\"per_transaction\":\"0.00\",\"daily\":null}",
                "{\"per_transaction\":\"25000000.01\",\"daily\":null}",
                "{\"per_transaction\":\"99999999999999\",\"daily\":null}",
                "{\"per_transaction\":\"1,000\",\"daily\":null}",
                "{\"per_transaction\":\"1e3\",\"daily\":null}",
                "{\"per_transaction\":\" 100\",\"daily\":null}",
                "{\"per_transaction\":\"100.001\",\"daily\":null}",
                "{\"per_transaction\":100,\"daily\":null}",
                "{\"per_transaction\":true,\"daily\":null}",
                "{\"per_transaction\":\"300\",\"daily\":\"200\"}",
                "{\"per_transaction\":\"100\"}",
                "{\"per_transaction\":\"100\",\"daily\":null,\"currency\":\"USD\"}",
                "{\"per_transaction\":\"1\",\"per_transaction\":\"2\",\"daily\":null}",
                "[]", "\"100\"", "not json", "", "{\"per_transaction\":\"1\",\"daily\":null} {}")) {
            assertThrows(InvalidSettingException.class, () -> SelfServiceBodies.limits(bad, CAP, true), bad);
        }
    }

    @Test
    void errorsNameTheMemberButNeverEchoAnOddKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SelfServiceBodies.limits(
                "{\"<script>\":1,\"per_transaction\":null,\"daily\":null}", CAP, true));
        assertFalse(e.getMessage().contains("<script>"), e.getMessage());
        assertTrue(assertThrows(InvalidSettingException.class, () -> SelfServiceBodies.limits(
                "{\"per_transaction\":\"300\",\"daily\":\"200\"}", CAP, true)).getMessage().startsWith("per_transaction"));
    }

    @Test
    void instantPaymentsTakesExactlyOneBoolean() {
        assertTrue(SelfServiceBodies.enabled("{\"enabled\":true}"));
        assertFalse(SelfServiceBodies.enabled("{\"enabled\":false}"));
        for (String bad : List.of("{\"enabled\":\"false\"}", "{\"enabled\":0}", "{\"enabled\":null}", "{}",
                "{\"enabled\":true,\"x\":1}", "true")) {
            assertThrows(InvalidSettingException.class, () -> SelfServiceBodies.enabled(bad), bad);
        }
    }
}
