package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The demo's payment service (docs/demo.md): it knows the wallet's user from the wallet's own DPoP token, registers
 * the payment with its client credentials, and consumes the approval only for a token that carries it — {@code acr}
 * {@code transaction} and {@code txn_id} of this payment, as docs/api.md §5 asks of a resource server. Every answer
 * lists the steps it took so the page can show them.
 */
final class DemoBackend {

    /** Claims a transaction token carries (docs/api.md §5), shown on the page. */
    private static final List<String> TRANSACTION_CLAIMS = List.of("txn_id", "txn_amount", "txn_currency",
            "txn_destination", "txn_hash");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer for the page: HTTP status and body. */
    record Result(int status, ObjectNode body) {
    }

    private final PaymentServiceCalls calls;

    DemoBackend(PaymentServiceCalls calls) {
        this.calls = calls;
    }

    Result register(AppCaller wallet, String amount) {
        List<DemoStep> steps = new ArrayList<>();
        steps.add(checked(wallet, "Check the wallet's DPoP token (who is paying)", List.of()));
        PaymentServiceCalls.Answer token = calls.token();
        steps.add(token.step());
        if (!token.ok()) {
            return result(token.status(), steps);
        }
        PaymentServiceCalls.Answer registered = calls.register(token.body().path("access_token").asText(),
                wallet.user().getId(), amount);
        steps.add(registered.step());
        Result result = result(registered.status(), steps);
        if (registered.ok()) {
            result.body().put("transaction_id", registered.body().path("transaction_id").asText());
            result.body().set("authorization_details", registered.body().path("authorization_details"));
        }
        return result;
    }

    Result consume(AppCaller wallet, String transactionId) {
        if (!TRANSACTION_ID.matcher(transactionId).matches()) {
            throw new DemoError(400, "invalid_request", "Not a transaction id");
        }
        List<DemoStep> steps = new ArrayList<>();
        steps.add(checked(wallet, "Check the transaction token: acr, txn_id, cnf.jkt (§5)", TRANSACTION_CLAIMS));
        if (!"transaction".equals(wallet.token().getAcr()) || !transactionId.equals(wallet.claim("txn_id"))) {
            Result refused = result(403, steps);
            refused.body().put("error", "insufficient_user_authentication").put("error_description",
                    "This token does not carry the approval of this payment (acr transaction, txn_id)");
            return refused;
        }
        PaymentServiceCalls.Answer token = calls.token();
        steps.add(token.step());
        if (!token.ok()) {
            return result(token.status(), steps);
        }
        PaymentServiceCalls.Answer consumed = calls.consume(token.body().path("access_token").asText(), transactionId);
        steps.add(consumed.step());
        Result result = result(consumed.status(), steps);
        if (consumed.ok()) {
            result.body().put("status", "CONSUMED");
        }
        return result;
    }

    /** The outbox SMS to the wallet user's verified phone since {@code since}. */
    static ObjectNode sms(AppCaller wallet, SmsOutbox outbox, Instant since) {
        String phone = wallet.user().getFirstAttribute("phone_number");
        ObjectNode body = JSON.createObjectNode().put("configured", outbox != null)
                .put("phone_last4", phone == null || phone.length() < 4 ? "" : phone.substring(phone.length() - 4));
        ArrayNode messages = body.putArray("messages");
        if (outbox != null) {
            for (SmsOutbox.Sms sms : outbox.to(phone, since)) {
                messages.addObject().put("text", sms.text()).put("sent_at", sms.sentAt().toString());
            }
        }
        return body;
    }

    private static DemoStep checked(AppCaller wallet, String title, List<String> claims) {
        StringBuilder shown = new StringBuilder("token valid, DPoP proof valid (htm, htu, iat, jti, ath)")
                .append("\nsub: ").append(wallet.token().getSubject())
                .append("\nazp: ").append(wallet.token().getIssuedFor())
                .append("\nacr: ").append(wallet.token().getAcr())
                .append("\ncnf.jkt: ").append(wallet.jkt());
        for (String claim : claims) {
            shown.append('\n').append(claim).append(": ").append(wallet.claim(claim));
        }
        return new DemoStep("payment service (in Keycloak, dev only)", title,
                "Authorization: DPoP <the wallet's access token>\nDPoP: <proof signed by the wallet's key>",
                shown.toString());
    }

    private static Result result(int status, List<DemoStep> steps) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("steps");
        steps.forEach(step -> list.add(JSON.valueToTree(step)));
        return new Result(status, body);
    }

    static JsonNode error(DemoError e) {
        return JSON.createObjectNode().put("error", e.error()).put("error_description", e.getMessage());
    }
}
