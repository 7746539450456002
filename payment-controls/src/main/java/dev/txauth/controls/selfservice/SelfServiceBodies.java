package dev.txauth.controls.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.InvalidAmountException;
import dev.txauth.controls.limits.UserControls;
import dev.txauth.controls.settings.InvalidSettingException;
import dev.txauth.controls.settings.SettingsJson;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of {@code PUT me/limits} and {@code PUT me/instant-payments} (docs/api.md §8), read strictly: an object
 * with exactly the documented members, of the documented JSON types; amounts as decimal strings in NGN, positive, at
 * most the regulatory cap, per transaction at most daily. Anything else throws with a reason for the 400 answer.
 * Pure: no Keycloak types, unit-tested.
 */
public final class SelfServiceBodies {

    /** docs/api.md §8: user-set limits are in naira. */
    public static final String LIMIT_CURRENCY = "NGN";
    public static final String PER_TRANSACTION = "per_transaction";
    public static final String DAILY = "daily";
    public static final String ENABLED = "enabled";

    private SelfServiceBodies() {
    }

    /** The user's new limits; a member that is JSON null means "no own limit" (the regulatory cap applies). */
    public static UserControls limits(String body, Optional<Amount> cap, boolean instantPaymentsEnabled) {
        JsonNode json = object(body, Set.of(PER_TRANSACTION, DAILY));
        Amount perTransaction = amount(json, PER_TRANSACTION, cap);
        Amount daily = amount(json, DAILY, cap);
        if (perTransaction != null && daily != null && perTransaction.exceeds(daily)) {
            throw new InvalidSettingException(PER_TRANSACTION + ": may not exceed " + DAILY);
        }
        return new UserControls(perTransaction, daily, instantPaymentsEnabled);
    }

    public static boolean enabled(String body) {
        JsonNode json = object(body, Set.of(ENABLED));
        if (!json.get(ENABLED).isBoolean()) {
            throw new InvalidSettingException(ENABLED + ": must be true or false");
        }
        return json.get(ENABLED).booleanValue();
    }

    private static JsonNode object(String body, Set<String> members) {
        JsonNode json = SettingsJson.parse(body);
        if (!json.isObject()) {
            throw new InvalidSettingException("the body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new InvalidSettingException(SettingsJson.quote(name) + ": unknown member");
            }
        }
        for (String member : members) {
            if (!json.has(member)) {
                throw new InvalidSettingException(member + ": missing");
            }
        }
        return json;
    }

    private static Amount amount(JsonNode json, String member, Optional<Amount> cap) {
        JsonNode value = json.get(member);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSettingException(member + ": must be a decimal string such as \"50000.00\", or null");
        }
        Amount amount;
        try {
            amount = Amount.parse(LIMIT_CURRENCY, value.textValue());
        } catch (InvalidAmountException e) {
            throw new InvalidSettingException(member + ": " + e.getMessage());
        }
        if (amount.minor() <= 0) {
            throw new InvalidSettingException(member + ": must be more than 0");
        }
        if (cap.isPresent() && amount.exceeds(cap.get())) {
            throw new InvalidSettingException(member + ": at most the regulatory cap " + cap.get().toDecimal());
        }
        return amount;
    }
}
