package dev.txauth.authenticators.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.transactions.TransactionRegistry;
import dev.txauth.transactions.detail.RequestedDetailMatcher;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place the risk step learns about a payment, so its coupling to the transaction feature stays here.
 * Any request that carries {@code authorization_details} has an amount, however level 3 was asked for
 * ({@code acr_values}, the {@code claims} parameter's essential {@code acr}, a client's default ACR): a rule keyed
 * on {@code acr_values} alone was bypassed by the {@code claims} route (issue 9, finding 3). Sources, first that has
 * an amount wins:
 * <ol>
 *   <li>auth note {@value #AMOUNT_NOTE} (a decimal string);</li>
 *   <li>the REGISTERED transaction the request names by {@code identifier} (docs/api.md §4: the app sends only the
 *       identifier), if it belongs to this user and this client: the amount the payment service registered;</li>
 *   <li>the {@code authorization_details} request parameter (RFC 9396) when it carries
 *       {@code instructedAmount.amount}; with several payment details, the largest amount.</li>
 * </ol>
 * Currency is ignored: the threshold is a single number an admin sets for the realm's currency.
 */
public final class TransactionAmountAdapter {

    public static final String AMOUNT_NOTE = "txauth.transaction.amount";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAILS_LENGTH = 16 * 1024;

    private TransactionAmountAdapter() {
    }

    /** The payment amount of this login, looking registered transactions up in txauth's store. */
    public static BigDecimal amount(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // The store is opened only when a transaction identifier is there to look up, not on every login.
        return amount(authSession, id -> TransactionRegistry.of(context.getSession(), context.getRealm())
                .of(context.getUser(), authSession.getClient(), id)
                .map(r -> fromAuthorizationDetails(r.detail())));
    }

    /** The payment amount of this login, or null when it is no transaction or the amount is unknown. */
    public static BigDecimal amount(AuthenticationSessionModel authSession) {
        return amount(authSession, id -> Optional.empty());
    }

    /**
     * @param registeredAmount the registered amount of the transaction with this identifier, if the caller may see
     *                         it (this user's, this client's)
     */
    static BigDecimal amount(AuthenticationSessionModel authSession,
                             Function<String, Optional<BigDecimal>> registeredAmount) {
        BigDecimal fromNote = decimal(authSession.getAuthNote(AMOUNT_NOTE));
        if (fromNote != null) {
            return fromNote;
        }
        String details = authSession.getClientNote("authorization_details");
        if (details == null) {
            details = authSession.getClientNote("client_request_param_authorization_details");
        }
        BigDecimal registered = identifier(details).flatMap(registeredAmount).orElse(null);
        return registered != null ? registered : fromAuthorizationDetails(details);
    }

    /** The transaction the request names, by THE identifier rule of the confirm step (docs/api.md §4). */
    static Optional<String> identifier(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_DETAILS_LENGTH) {
            return Optional.empty();
        }
        try {
            return RequestedDetailMatcher.identifier(JSON.readTree(json));
        } catch (Exception malformed) {
            // not JSON: no identifier; the transaction authenticator reports the malformed request
            return Optional.empty();
        }
    }

    /** Largest {@code instructedAmount.amount} of the RFC 9396 details (array or single object); null if none. */
    static BigDecimal fromAuthorizationDetails(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_DETAILS_LENGTH) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
        BigDecimal largest = null;
        Iterable<JsonNode> details = root != null && root.isArray() ? root : java.util.List.of(root == null
                ? JSON.nullNode() : root);
        for (JsonNode detail : details) {
            JsonNode amount = detail.path("instructedAmount").path("amount");
            BigDecimal value = amount.isNumber() ? amount.decimalValue() : decimal(amount.isTextual()
                    ? amount.asText() : null);
            if (value != null && (largest == null || value.compareTo(largest) > 0)) {
                largest = value;
            }
        }
        return largest;
    }

    private static BigDecimal decimal(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
