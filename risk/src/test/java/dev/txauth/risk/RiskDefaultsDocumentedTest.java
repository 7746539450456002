package dev.txauth.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The realm file and the docs state the risk defaults; {@link RiskDefaults} is their one source. A changed default
 * (or a typo in a doc) fails here, in milliseconds, instead of shipping a realm or a page that says otherwise.
 */
class RiskDefaultsDocumentedTest {

    private static final Path ROOT = repositoryRoot();

    @Test
    void realmFileConfiguresExactlyTheDefaults() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("realm-config/payments-realm.json").toFile());
        JsonNode config = null;
        for (JsonNode entry : realm.path("authenticatorConfig")) {
            if ("txauth-device-risk".equals(entry.path("alias").asText())) {
                config = entry.path("config");
            }
        }
        assertFalse(config == null, "payments-realm.json has no txauth-device-risk config");
        Map<String, String> inRealm = new TreeMap<>();
        config.fields().forEachRemaining(e -> inRealm.put(e.getKey(), e.getValue().asText()));
        assertEquals(new TreeMap<>(RiskDefaults.asConfig()), inRealm);
    }

    @Test
    void deviceRiskPageStatesTheDefaults() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/device-risk.md"));
        for (Map.Entry<RiskSignal, Integer> weight : RiskDefaults.WEIGHTS.entrySet()) {
            // | `unknown_device` | ... | `weight-unknown-device` | **40** |
            assertStated(page, "`" + Pattern.quote(RiskConfig.weightKey(weight.getKey())) + "` \\| \\*\\*([0-9.]+)\\*\\*",
                    weight.getValue().toString(), RiskConfig.weightKey(weight.getKey()));
        }
        Map<String, String> defaults = RiskDefaults.asConfig();
        for (String key : List.of(RiskConfig.STEP_UP_THRESHOLD, RiskConfig.DENY_THRESHOLD,
                RiskConfig.USER_FAILURE_THRESHOLD, RiskConfig.IP_FAILURE_THRESHOLD, RiskConfig.FAILURE_WINDOW_MINUTES,
                RiskConfig.VELOCITY_MAX_LOGINS, RiskConfig.VELOCITY_WINDOW_MINUTES,
                RiskConfig.LARGE_AMOUNT_THRESHOLD)) {
            // `deny-threshold` (**80**), `user-failure-threshold` (3)
            assertStated(page, "`" + Pattern.quote(key) + "` \\((?:\\*\\*)?([0-9.]+)(?:\\*\\*)?\\)", defaults.get(key),
                    key);
        }
    }

    @Test
    void readmeStatesTheDefaults() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Map.Entry<RiskSignal, Integer> weight : RiskDefaults.WEIGHTS.entrySet()) {
            // | `unknown_device` | fires when ... | 40 |
            assertStated(readme, "(?m)^\\| `" + weight.getKey().eventName() + "` \\|[^|\\n]*\\| ([0-9]+)",
                    weight.getValue().toString(), weight.getKey().eventName());
        }
        assertStated(readme, "≥ ([0-9]+) → STEP_UP", Integer.toString(RiskDefaults.STEP_UP_THRESHOLD), "step-up");
        assertStated(readme, "≥ ([0-9]+) → DENY", Integer.toString(RiskDefaults.DENY_THRESHOLD), "deny");
        assertStated(readme, "registered amount ≥ ([0-9.]+)", RiskDefaults.LARGE_AMOUNT_THRESHOLD, "large amount");
        assertStated(readme, "≥ ([0-9]+) failed logins of the user in [0-9]+ min",
                Integer.toString(RiskDefaults.USER_FAILURE_THRESHOLD), "user failures");
        assertStated(readme, "≥ [0-9]+ failed logins of the user in ([0-9]+) min",
                Integer.toString(RiskDefaults.FAILURE_WINDOW_MINUTES), "failure window");
        assertStated(readme, "≥ ([0-9]+) failed logins from the client IP",
                Integer.toString(RiskDefaults.IP_FAILURE_THRESHOLD), "ip failures");
        assertStated(readme, "≥ ([0-9]+) logins of the user in [0-9]+ min",
                Integer.toString(RiskDefaults.VELOCITY_MAX_LOGINS), "velocity");
        assertStated(readme, "≥ [0-9]+ logins of the user in ([0-9]+) min",
                Integer.toString(RiskDefaults.VELOCITY_WINDOW_MINUTES), "velocity window");
    }

    /** Every place the pattern matches must show {@code expected}, and there must be at least one. */
    private static void assertStated(String text, String pattern, String expected, String what) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertFalse(found.isEmpty(), what + ": not stated (pattern " + pattern + ")");
        for (String value : found) {
            assertEquals(expected, value, what + " differs from RiskDefaults");
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("realm-config/payments-realm.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the txauth repository");
        }
        return dir;
    }
}
