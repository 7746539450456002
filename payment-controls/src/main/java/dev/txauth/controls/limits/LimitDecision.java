package dev.txauth.controls.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the limits engine says about one payment: allowed, or refused with exactly the body of a docs/api.md §8
 * {@code 422} answer ({@link Refused#body()}), so the REST layer renders it without knowing the rules.
 */
public sealed interface LimitDecision {

    Allowed ALLOWED = new Allowed();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** The payment stays within every cap that applies. */
    record Allowed() implements LimitDecision {
    }

    /** A refusal; its body is the JSON object of the 422 answer, members in the order of docs/api.md §8. */
    sealed interface Refused extends LimitDecision permits LimitExceeded, InstantPaymentsDisabled {
        Map<String, String> body();
    }

    /** {@code {"error":"limit_exceeded","limit":...,"remaining":"...","currency":"..."}}. */
    record LimitExceeded(LimitKind limit, Amount remaining) implements Refused {
        @Override
        public Map<String, String> body() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", "limit_exceeded");
            body.put("limit", limit.wireName());
            body.put("remaining", remaining.toDecimal());
            body.put("currency", remaining.currency());
            return body;
        }
    }

    /** {@code {"error":"instant_payments_disabled"}}: the user opted out. */
    record InstantPaymentsDisabled() implements Refused {
        @Override
        public Map<String, String> body() {
            return Map.of("error", "instant_payments_disabled");
        }
    }
}
