package dev.txauth.controls.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.LimitRules;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One realm's txauth settings (docs/api.md §8–§10), immutable and always complete: a setting never written has its
 * {@link Setting} default. Changes come in as a partial JSON object ({@link #patched}) or as the stored component's
 * flat strings ({@link #fromConfig}); both validate every value and either give a whole new object or throw, so a bad
 * change never applies in part.
 */
public final class TxauthSettings {

    /** The admin console's form adds its route parameters to what it saves; they are not settings. */
    static final Set<String> CONSOLE_ROUTE_KEYS = Set.of("realm", "tab");

    private static final Map<String, Setting> BY_CONFIG_KEY = index();

    private final Map<Setting, Object> values;

    private TxauthSettings(Map<Setting, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static TxauthSettings defaults() {
        return fromConfig(Map.of());
    }

    /** From the stored component (or the console's form): missing keys take their default, unknown keys are refused. */
    public static TxauthSettings fromConfig(Map<String, String> config) {
        for (String key : config.keySet()) {
            if (!BY_CONFIG_KEY.containsKey(key) && !CONSOLE_ROUTE_KEYS.contains(key)) {
                throw new InvalidSettingException(SettingsJson.quote(key) + " is not a txauth setting");
            }
        }
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String stored = config.get(setting.configKey());
            try {
                values.put(setting, setting.kind().fromConfig(stored == null ? setting.defaultConfig() : stored));
            } catch (InvalidSettingException e) {
                throw e.about(setting.path());
            }
        }
        return new TxauthSettings(values);
    }

    /** These settings with the keys named in {@code patch} changed: a JSON object, groups ({@code sms}) merged. */
    public TxauthSettings patched(String patch) {
        JsonNode json = SettingsJson.parse(patch);
        if (!json.isObject()) {
            throw new InvalidSettingException("the body must be a JSON object");
        }
        Map<Setting, Object> changed = new EnumMap<>(values);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Setting top = find(null, field.getKey());
            if (top != null) {
                changed.put(top, read(top, field.getValue()));
            } else if (isGroup(field.getKey())) {
                patchGroup(field.getKey(), field.getValue(), changed);
            } else {
                throw new InvalidSettingException(SettingsJson.quote(field.getKey()) + " is not a txauth setting");
            }
        }
        return new TxauthSettings(changed);
    }

    private static void patchGroup(String group, JsonNode json, Map<Setting, Object> changed) {
        if (!json.isObject()) {
            throw new InvalidSettingException(group + ": must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Setting setting = find(group, field.getKey());
            if (setting == null) {
                throw new InvalidSettingException(group + "." + SettingsJson.quote(field.getKey())
                        + " is not a txauth setting");
            }
            changed.put(setting, read(setting, field.getValue()));
        }
    }

    private static Object read(Setting setting, JsonNode json) {
        try {
            return setting.kind().fromJson(json);
        } catch (InvalidSettingException e) {
            throw e.about(setting.path());
        }
    }

    /** The settings API's answer: every setting, groups as nested objects, in {@link Setting} order. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (Setting setting : Setting.values()) {
            ObjectNode parent = json;
            if (setting.group() != null) {
                parent = json.has(setting.group()) ? (ObjectNode) json.get(setting.group())
                        : json.putObject(setting.group());
            }
            parent.set(setting.jsonName(), setting.kind().toJson(values.get(setting)));
        }
        return json;
    }

    /** The stored component's form: every setting, so a later change of a default never changes a saved realm. */
    public Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        values.forEach((setting, value) -> config.put(setting.configKey(), setting.kind().toConfig(value)));
        return config;
    }

    public int whole(Setting setting) {
        if (!(setting.kind() instanceof SettingKind.Whole)) {
            throw new IllegalArgumentException(setting + " is not a whole number");
        }
        return (Integer) values.get(setting);
    }

    public Duration coolingPeriod() {
        return Duration.ofHours(whole(Setting.COOLING_PERIOD_HOURS));
    }

    public Duration freshMfa() {
        return Duration.ofSeconds(whole(Setting.FRESH_MFA_SECONDS));
    }

    public ZoneId dailyLimitZone() {
        return (ZoneId) values.get(Setting.DAILY_LIMIT_ZONE);
    }

    public LimitRules limitRules() {
        return new LimitRules(amounts(Setting.COOLING_PERIOD_LIMITS), amounts(Setting.REGULATORY_CAPS));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Amount> amounts(Setting setting) {
        return (Map<String, Amount>) values.get(setting);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TxauthSettings that && toConfig().equals(that.toConfig());
    }

    @Override
    public int hashCode() {
        return toConfig().hashCode();
    }

    private static Setting find(String group, String name) {
        return Arrays.stream(Setting.values())
                .filter(s -> java.util.Objects.equals(s.group(), group) && s.jsonName().equals(name))
                .findFirst().orElse(null);
    }

    private static boolean isGroup(String name) {
        return Arrays.stream(Setting.values()).anyMatch(s -> name.equals(s.group()));
    }

    private static Map<String, Setting> index() {
        Map<String, Setting> index = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            index.put(setting.configKey(), setting);
        }
        return Map.copyOf(index);
    }
}
