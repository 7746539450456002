package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.model.PaymentInitiation;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@code authorization_details} member of an authorization request against the registered transaction: it
 * names the transaction by {@code identifier}; any amount or payee member it repeats must be identical to the
 * registered one (after the registry's normalization), so an app cannot show the user one payment and approve another.
 */
public final class RequestedDetailMatcher {

    private static final Set<String> ALLOWED = PaymentDetailValidator.members(PaymentInitiation.PAYMENT_MEMBERS,
            PaymentInitiation.TYPE_MEMBER, PaymentInitiation.IDENTIFIER);

    private RequestedDetailMatcher() {
    }

    /** The identifier of the single payment_initiation member, if the request has the expected shape. */
    public static Optional<String> identifier(JsonNode requestArray) {
        if (requestArray == null || !requestArray.isArray() || requestArray.size() != 1) {
            return Optional.empty();
        }
        JsonNode member = requestArray.get(0);
        return member.isObject() ? PaymentInitiation.identifier(member.path(PaymentInitiation.TYPE_MEMBER).textValue(),
                member.path(PaymentInitiation.IDENTIFIER).textValue()) : Optional.empty();
    }

    /** True when every member of {@code requested} is allowed and equals the registered detail's member. */
    public static boolean matches(JsonNode requested, JsonNode registered) {
        if (requested == null || !requested.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> members = requested.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!ALLOWED.contains(member.getKey()) || !member.getValue().equals(registered.get(member.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
