package dev.txauth.controls.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.InvalidAmountException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value types of txauth's realm settings, each with its two spellings: JSON for the settings API (docs/api.md §8)
 * and the flat strings a Keycloak component stores and the admin console edits. Every way in validates the same way.
 */
sealed interface SettingKind {

    /** Reads the JSON value of the settings API; a wrong type or bad value throws with the reason. */
    Object fromJson(JsonNode json);

    /** Reads the component's stored string (written by {@link #toConfig} or by the admin console's form). */
    Object fromConfig(String value);

    JsonNode toJson(Object value);

    String toConfig(Object value);

    /** The admin console's widget for it: a {@code ProviderConfigProperty} type name. */
    String consoleType();

    /** A whole number in {@code [min, max]}; JSON must be an integer, not a string or a fraction. */
    record Whole(int min, int max) implements SettingKind {
        @Override
        public Object fromJson(JsonNode json) {
            if (!json.isIntegralNumber() || !json.canConvertToInt()) {
                throw new InvalidSettingException("must be a whole number from " + min + " to " + max);
            }
            return inRange(json.intValue());
        }

        @Override
        public Object fromConfig(String value) {
            try {
                return inRange(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("must be a whole number from " + min + " to " + max);
            }
        }

        private int inRange(int value) {
            if (value < min || value > max) {
                throw new InvalidSettingException("must be from " + min + " to " + max + ", not " + value);
            }
            return value;
        }

        @Override
        public JsonNode toJson(Object value) {
            return JsonNodeFactory.instance.numberNode((Integer) value);
        }

        @Override
        public String toConfig(Object value) {
            return value.toString();
        }

        @Override
        public String consoleType() {
            return "Integer";
        }
    }

    /**
     * Amounts per currency, {@code {"NGN":"20000.00"}}: decimal strings (never JSON numbers, which would invite
     * floating point), {@code positive} when zero makes no sense. The console's key/value editor stores
     * {@code [{"key":"NGN","value":"20000.00"}]}, which is also the component's form.
     */
    record AmountsByCurrency(boolean positive) implements SettingKind {
        @Override
        public Object fromJson(JsonNode json) {
            if (!json.isObject()) {
                throw new InvalidSettingException("must be an object of currency code to decimal string");
            }
            Map<String, Amount> amounts = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual()) {
                    throw new InvalidSettingException(SettingsJson.quote(entry.getKey())
                            + " must be a decimal string like \"20000.00\"");
                }
                amounts.put(entry.getKey(), amount(entry.getKey(), entry.getValue().textValue()));
            }
            return Map.copyOf(amounts);
        }

        @Override
        public Object fromConfig(String value) {
            JsonNode list = SettingsJson.parse(value.isBlank() ? "[]" : value);
            if (!list.isArray()) {
                throw new InvalidSettingException("must be a list of currency and amount pairs");
            }
            ObjectNode asObject = JsonNodeFactory.instance.objectNode();
            for (JsonNode pair : list) {
                if (!pair.path("key").isTextual() || !pair.path("value").isTextual()
                        || asObject.has(pair.path("key").textValue())) {
                    throw new InvalidSettingException("must name each currency once, with an amount");
                }
                asObject.set(pair.get("key").textValue(), pair.get("value"));
            }
            return fromJson(asObject);
        }

        private Amount amount(String currency, String decimal) {
            try {
                Amount amount = Amount.parse(currency, decimal);
                if (positive && amount.minor() == 0) {
                    throw new InvalidSettingException(SettingsJson.quote(currency) + " must be more than zero");
                }
                return amount;
            } catch (InvalidAmountException e) {
                throw new InvalidSettingException(SettingsJson.quote(currency) + " " + e.getMessage());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonNode toJson(Object value) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            new TreeMap<>((Map<String, Amount>) value).forEach((code, amount) -> json.put(code, amount.toDecimal()));
            return json;
        }

        @Override
        @SuppressWarnings("unchecked")
        public String toConfig(Object value) {
            var list = JsonNodeFactory.instance.arrayNode();
            new TreeMap<>((Map<String, Amount>) value).forEach((code, amount) ->
                    list.addObject().put("key", code).put("value", amount.toDecimal()));
            return list.toString();
        }

        @Override
        public String consoleType() {
            return "Map";
        }
    }

    /** An IANA time-zone id ({@code Africa/Lagos}); offsets and abbreviations are refused. */
    record TimeZone() implements SettingKind {
        @Override
        public Object fromJson(JsonNode json) {
            if (!json.isTextual()) {
                throw new InvalidSettingException("must be a time-zone name like \"Africa/Lagos\"");
            }
            return fromConfig(json.textValue());
        }

        @Override
        public Object fromConfig(String value) {
            if (!value.matches("[A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2}")) {
                throw new InvalidSettingException("must be a time-zone name like \"Africa/Lagos\"");
            }
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new InvalidSettingException("is not a known time zone");
            }
        }

        @Override
        public JsonNode toJson(Object value) {
            return JsonNodeFactory.instance.textNode(toConfig(value));
        }

        @Override
        public String toConfig(Object value) {
            return ((ZoneId) value).getId();
        }

        @Override
        public String consoleType() {
            return "String";
        }
    }
}
