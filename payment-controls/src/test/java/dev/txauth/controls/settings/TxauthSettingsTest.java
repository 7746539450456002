package dev.txauth.controls.settings;

import dev.txauth.controls.limits.Amount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxauthSettingsTest {

    private static final TxauthSettings DEFAULTS = TxauthSettings.defaults();

    @Test
    void defaultsAreThoseOfTheInterface() {
        assertEquals("{\"cooling_period_hours\":24,\"cooling_period_limits\":{\"NGN\":\"20000.00\"},"
                + "\"regulatory_caps\":{\"NGN\":\"25000000.00\"},\"daily_limit_zone\":\"Africa/Lagos\","
                + "\"fresh_mfa_seconds\":300,"
                + "\"sms\":{\"resend_cooldown_seconds\":30,\"sends_per_transaction\":3,\"per_user_per_hour\":5,"
                + "\"per_destination_per_day\":10,\"code_length\":6,\"code_lifetime_seconds\":300},"
                + "\"throttle\":{\"per_ip_and_username\":5,\"per_ip\":100,\"window_minutes\":15}}",
                DEFAULTS.toJson().toString());
        assertEquals(Duration.ofHours(24), DEFAULTS.coolingPeriod());
        assertEquals(Duration.ofMinutes(5), DEFAULTS.freshMfa());
        assertEquals(ZoneId.of("Africa/Lagos"), DEFAULTS.dailyLimitZone());
        assertEquals(Amount.parse("NGN", "20000.00"), DEFAULTS.limitRules().coolingPeriodLimit("NGN").orElseThrow());
        assertEquals(Amount.parse("NGN", "25000000.00"), DEFAULTS.limitRules().regulatoryCap("NGN").orElseThrow());
    }

    @Test
    void patchChangesOnlyTheNamedKeysAndMergesGroups() {
        TxauthSettings changed = DEFAULTS.patched("{\"cooling_period_hours\":48,\"sms\":{\"code_length\":8},"
                + "\"cooling_period_limits\":{\"NGN\":\"10000.50\",\"USD\":\"20.00\"}}");
        assertEquals(Duration.ofHours(48), changed.coolingPeriod());
        assertEquals(8, changed.whole(Setting.SMS_CODE_LENGTH));
        assertEquals(30, changed.whole(Setting.SMS_RESEND_COOLDOWN_SECONDS), "rest of the group kept");
        assertEquals("10000.50", changed.limitRules().coolingPeriodLimit("NGN").orElseThrow().toDecimal());
        assertEquals("20.00", changed.limitRules().coolingPeriodLimit("USD").orElseThrow().toDecimal());
        assertEquals(300, changed.whole(Setting.FRESH_MFA_SECONDS));
        assertEquals(DEFAULTS.toJson().get("throttle"), changed.toJson().get("throttle"));
        assertEquals(DEFAULTS, DEFAULTS.patched("{}"));
    }

    @Test
    void aValueAmountMapIsReplacedNotMerged() {
        TxauthSettings changed = DEFAULTS.patched("{\"regulatory_caps\":{\"USD\":\"20000.00\"}}");
        assertTrue(changed.limitRules().regulatoryCap("NGN").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key                 | {\"cooling_hours\":24}                          | \"cooling_hours\" is not a txauth setting",
            "unknown key in group        | {\"sms\":{\"sender\":\"x\"}}                   | sms.\"sender\" is not a txauth setting",
            "markup key not echoed       | {\"<script>alert(1)</script>\":1}              | a key that is not a setting name is not a txauth setting",
            "group not an object         | {\"sms\":5}                                     | sms: must be an object",
            "hours as string             | {\"cooling_period_hours\":\"24\"}              | cooling_period_hours: must be a whole number from 1 to 720",
            "hours fractional            | {\"cooling_period_hours\":24.5}                 | cooling_period_hours: must be a whole number from 1 to 720",
            "hours zero                  | {\"cooling_period_hours\":0}                    | cooling_period_hours: must be from 1 to 720, not 0",
            "hours huge                  | {\"cooling_period_hours\":100000}               | cooling_period_hours: must be from 1 to 720, not 100000",
            "hours beyond int            | {\"cooling_period_hours\":99999999999999999999} | cooling_period_hours: must be a whole number from 1 to 720",
            "hours null                  | {\"cooling_period_hours\":null}                 | cooling_period_hours: must be a whole number from 1 to 720",
            "negative seconds            | {\"fresh_mfa_seconds\":-5}                      | fresh_mfa_seconds: must be from 30 to 3600, not -5",
            "group value wrong type      | {\"throttle\":{\"per_ip\":true}}               | throttle.per_ip: must be a whole number from 1 to 100000",
            "code length too short       | {\"sms\":{\"code_length\":4}}                  | sms.code_length: must be from 6 to 10, not 4",
            "limits not an object        | {\"cooling_period_limits\":\"20000\"}          | cooling_period_limits: must be an object of currency code to decimal string",
            "amount as JSON number       | {\"cooling_period_limits\":{\"NGN\":20000.00}} | cooling_period_limits: \"NGN\" must be a decimal string like \"20000.00\"",
            "negative amount             | {\"cooling_period_limits\":{\"NGN\":\"-1.00\"}} | cooling_period_limits: \"NGN\" must be a decimal string like \"20000.00\" with at most 13 digits before the point",
            "over-precise amount         | {\"cooling_period_limits\":{\"NGN\":\"1.001\"}} | cooling_period_limits: \"NGN\" has more than 2 decimal places for NGN",
            "huge amount                 | {\"regulatory_caps\":{\"NGN\":\"99999999999999\"}} | regulatory_caps: \"NGN\" must be a decimal string like \"20000.00\" with at most 13 digits before the point",
            "unknown currency            | {\"regulatory_caps\":{\"ABC\":\"1.00\"}}       | regulatory_caps: \"ABC\" is not an ISO 4217 currency code",
            "lower-case currency         | {\"regulatory_caps\":{\"ngn\":\"1.00\"}}       | regulatory_caps: \"ngn\" is not an ISO 4217 currency code",
            "zero regulatory cap         | {\"regulatory_caps\":{\"NGN\":\"0.00\"}}       | regulatory_caps: \"NGN\" must be more than zero",
            "zone offset                 | {\"daily_limit_zone\":\"+01:00\"}              | daily_limit_zone: must be a time-zone name like \"Africa/Lagos\"",
            "zone unknown                | {\"daily_limit_zone\":\"Africa/Atlantis\"}     | daily_limit_zone: is not a known time zone",
            "not an object               | [1,2]                                           | the body must be a JSON object",
            "malformed                   | {\"cooling_period_hours\":                      | the body is not valid JSON (or repeats a key)",
            "trailing document           | {} {}                                           | the body is not valid JSON (or repeats a key)",
            "duplicate key               | {\"fresh_mfa_seconds\":60,\"fresh_mfa_seconds\":90} | the body is not valid JSON (or repeats a key)",
            "empty body                  | ''                                              | the body must be a JSON object",
    })
    void refusesBadChangesNamingTheKeyAndWhy(String name, String body, String reason) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> DEFAULTS.patched(body));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void aBadValueAnywhereMeansNothingChanges() {
        TxauthSettings before = DEFAULTS.patched("{\"cooling_period_hours\":12}");
        assertThrows(InvalidSettingException.class,
                () -> before.patched("{\"cooling_period_hours\":36,\"sms\":{\"code_length\":99}}"));
        assertEquals(Duration.ofHours(12), before.coolingPeriod(), "immutable: the object patched is untouched");
    }

    @Test
    void deepNestingIsRefusedBeforeItIsWalked() {
        String deep = "{\"sms\":" + "[".repeat(50) + "]".repeat(50) + "}";
        assertThrows(InvalidSettingException.class, () -> DEFAULTS.patched(deep));
    }

    @Test
    void configRoundTripsAndTakesTheConsolesForm() {
        TxauthSettings changed = DEFAULTS.patched("{\"cooling_period_hours\":6,\"regulatory_caps\":{\"NGN\":\"5.00\"}}");
        assertEquals(changed, TxauthSettings.fromConfig(changed.toConfig()));
        assertEquals("[{\"key\":\"NGN\",\"value\":\"5.00\"}]", changed.toConfig().get("regulatory-caps"));

        Map<String, String> consoleSave = new HashMap<>(DEFAULTS.toConfig());
        consoleSave.put("cooling-period-hours", "12");
        consoleSave.put("realm", "payments");
        consoleSave.put("tab", "txauth-settings");
        assertEquals(Duration.ofHours(12), TxauthSettings.fromConfig(consoleSave).coolingPeriod());
        assertEquals(DEFAULTS, TxauthSettings.fromConfig(Map.of()), "missing keys are defaults");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "cooling-period-hours   | 0                                        | cooling_period_hours: must be from 1 to 720, not 0",
            "cooling-period-hours   | many                                     | cooling_period_hours: must be a whole number from 1 to 720",
            "cooling-period-limits  | {\"NGN\":\"1\"}                          | cooling_period_limits: must be a list of currency and amount pairs",
            "cooling-period-limits  | [{\"key\":\"NGN\",\"value\":\"1\"},{\"key\":\"NGN\",\"value\":\"2\"}] | cooling_period_limits: must name each currency once, with an amount",
            "cooling-period-limits  | [{\"key\":\"NGN\",\"value\":\"x\"}]      | cooling_period_limits: \"NGN\" must be a decimal string like \"20000.00\" with at most 13 digits before the point",
            "cooling-period-limits  | [oops                                    | cooling_period_limits: the body is not valid JSON (or repeats a key)",
            "sms-code-length        | 5                                        | sms.code_length: must be from 6 to 10, not 5",
            "daily-limit-zone       | Mars/Olympus                             | daily_limit_zone: is not a known time zone",
            "colour                 | red                                      | \"colour\" is not a txauth setting",
    })
    void refusesBadStoredOrConsoleValues(String key, String value, String reason) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> TxauthSettings.fromConfig(Map.of(key, value)));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void configKeysAreFlatKebabCaseAndUnique() {
        for (Setting setting : Setting.values()) {
            assertTrue(setting.configKey().matches("[a-z]+(-[a-z]+)*"), setting.configKey());
            assertFalse(TxauthSettings.CONSOLE_ROUTE_KEYS.contains(setting.configKey()));
        }
        assertEquals(Setting.values().length, DEFAULTS.toConfig().size());
    }
}
