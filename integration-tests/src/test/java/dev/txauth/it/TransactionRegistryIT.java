package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.TransactionTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: only an authorised payment service can register a payment, and only a well-formed one (docs/api.md §3). */
@TxauthKeycloakTest
class TransactionRegistryIT {

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final TestUser user;

    TransactionRegistryIT(TxauthServer server, PaymentService paymentService, @WithTotp TestUser user) {
        this.server = server;
        this.paymentService = paymentService;
        this.user = user;
    }

    private PaymentService.Answer registerDetail(Map<String, Object> detail) {
        return paymentService.register(PaymentService.registration(user.id(), AuthorizationClient.MOBILE_APP, detail));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map ? mutable((Map<String, Object>) v) : v));
        return copy;
    }

    private static Map<String, Object> detail() {
        return mutable(PaymentService.paymentDetail("50000.00", "Ada Obi"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> detail, String name) {
        return (Map<String, Object>) detail.get(name);
    }

    private void assertInvalidDetail(Map<String, Object> detail) {
        PaymentService.Answer answer = registerDetail(detail);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("invalid_authorization_details", answer.error(), answer.body());
        assertTrue(answer.json().hasNonNull("error_description"));
    }

    @Test
    void registersContractExample() {
        PaymentService.Answer answer = registerDetail(detail());
        assertEquals(201, answer.status(), answer.body());
        String id = answer.json().path("transaction_id").asText();
        assertTrue(Base64Url.decodedLength(id) >= 16, "transaction id must carry >= 128 bits: " + id);
        assertEquals("PENDING", answer.json().path("status").asText());
        assertEquals(300, answer.json().path("expires_in").asInt());
        assertEquals(id, answer.json().at("/authorization_details/identifier").asText());
        assertEquals("NUBAN", answer.json().at("/authorization_details/creditorAccount/scheme").asText());

        PaymentService.Answer read = paymentService.get(id);
        assertEquals(200, read.status());
        assertEquals("PENDING", read.json().path("status").asText());
        assertEquals(answer.json().path("authorization_details"), read.json().path("authorization_details"));
        assertTrue(read.json().path("approved_at").isMissingNode());
    }

    @Test
    void normalizesAmountToCurrencyMinorUnits() {
        Map<String, Object> detail = detail();
        child(detail, "instructedAmount").put("amount", "50000");
        PaymentService.Answer answer = registerDetail(detail);
        assertEquals(201, answer.status(), answer.body());
        assertEquals("50000.00", answer.json().at("/authorization_details/instructedAmount/amount").asText());
    }

    @Test
    void acceptsValidIban() {
        Map<String, Object> detail = detail();
        detail.put("creditorAccount", Map.of("scheme", "IBAN", "identification", "GB82WEST12345698765432"));
        child(detail, "instructedAmount").put("currency", "GBP");
        assertEquals(201, registerDetail(detail).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-5.00", "50000.001", "1e5", "50,000.00", "", "100000000.01"})
    void rejectsBadAmount(String amount) {
        Map<String, Object> detail = detail();
        child(detail, "instructedAmount").put("amount", amount);
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsAmountAsJsonNumber() {
        Map<String, Object> detail = detail();
        child(detail, "instructedAmount").put("amount", 50000);
        assertInvalidDetail(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngn", "XYZ", "NAIRA", "HRK"})
    void rejectsNonIsoCurrency(String currency) {
        Map<String, Object> detail = detail();
        child(detail, "instructedAmount").put("currency", currency);
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsDecimalsBeyondMinorUnits() {
        Map<String, Object> detail = detail();
        child(detail, "instructedAmount").putAll(Map.of("currency", "JPY", "amount", "100.5"));
        assertInvalidDetail(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678", "01234567890", "01234A6789"})
    void rejectsMalformedNuban(String account) {
        Map<String, Object> detail = detail();
        child(detail, "creditorAccount").put("identification", account);
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsNubanWithoutBankCode() {
        Map<String, Object> detail = detail();
        child(detail, "creditorAccount").remove("bankCode");
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsIbanFailingMod97() {
        Map<String, Object> detail = detail();
        detail.put("creditorAccount", Map.of("scheme", "IBAN", "identification", "GB82WEST12345698765433"));
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsUnknownScheme() {
        Map<String, Object> detail = detail();
        child(detail, "creditorAccount").put("scheme", "SWIFT");
        assertInvalidDetail(detail);
    }

    @Test
    void rejectsNameAndRemittanceOutOfBounds() {
        Map<String, Object> empty = detail();
        empty.put("creditorName", "");
        assertInvalidDetail(empty);
        Map<String, Object> longName = detail();
        longName.put("creditorName", "n".repeat(71));
        assertInvalidDetail(longName);
        Map<String, Object> longRemittance = detail();
        longRemittance.put("remittanceInformation", "r".repeat(141));
        assertInvalidDetail(longRemittance);
        Map<String, Object> maxName = detail();
        maxName.put("creditorName", "n".repeat(70));
        maxName.put("remittanceInformation", "r".repeat(140));
        assertEquals(201, registerDetail(maxName).status());
    }

    @Test
    void rejectsControlCharactersInText() {
        Map<String, Object> newline = detail();
        newline.put("creditorName", "Ada\nObi");
        assertInvalidDetail(newline);
        Map<String, Object> escape = detail();
        escape.put("remittanceInformation", "Rent\u001b[2J");
        assertInvalidDetail(escape);
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevel() {
        Map<String, Object> top = detail();
        top.put("debtorAccount", Map.of("iban", "x"));
        assertInvalidDetail(top);
        Map<String, Object> amount = detail();
        child(amount, "instructedAmount").put("exchangeRate", "1.2");
        assertInvalidDetail(amount);
        Map<String, Object> account = detail();
        child(account, "creditorAccount").put("name", "x");
        assertInvalidDetail(account);
        Map<String, Object> identifier = detail();
        identifier.put("identifier", "caller-chosen");
        assertInvalidDetail(identifier);

        Map<String, Object> envelope = new HashMap<>(PaymentService.registration(user.id(), AuthorizationClient.MOBILE_APP,
                detail()));
        envelope.put("callback", "https://evil.example");
        PaymentService.Answer answer = paymentService.register(envelope);
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.error());
    }

    @Test
    void rejectsMissingRequiredFields() {
        for (String field : new String[]{"type", "instructedAmount", "creditorName", "creditorAccount"}) {
            Map<String, Object> detail = detail();
            detail.remove(field);
            assertInvalidDetail(detail);
        }
        Map<String, Object> wrongType = detail();
        wrongType.put("type", "account_information");
        assertInvalidDetail(wrongType);
    }

    @Test
    void rejectsUnknownUserAndClient() {
        PaymentService.Answer unknownUser = paymentService.register(PaymentService.registration(
                "00000000-0000-0000-0000-000000000000", AuthorizationClient.MOBILE_APP, detail()));
        assertEquals(400, unknownUser.status());
        assertEquals("invalid_request", unknownUser.error());
        PaymentService.Answer unknownClient = paymentService.register(PaymentService.registration(user.id(),
                "no-such-client", detail()));
        assertEquals(400, unknownClient.status());
        assertEquals("invalid_request", unknownClient.error());
    }

    @Test
    void rejectsBodyOver16KiBWith413() {
        Map<String, Object> detail = detail();
        detail.put("remittanceInformation", "x".repeat(17 * 1024));
        PaymentService.Answer answer = registerDetail(detail);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("request_too_large", answer.error());
    }

    @Test
    void rejectsNonJsonWith415() {
        PaymentService.Answer text = paymentService.post(paymentService.transactionsUrl(), "text/plain", "hello",
                paymentService.token());
        assertEquals(415, text.status());
        assertEquals("unsupported_media_type", text.error());
        PaymentService.Answer broken = paymentService.post(paymentService.transactionsUrl(), "application/json",
                "{\"user_id\": ", paymentService.token());
        assertEquals(415, broken.status());
        PaymentService.Answer form = paymentService.post(paymentService.transactionsUrl(),
                "application/x-www-form-urlencoded", "user_id=x", paymentService.token());
        assertEquals(415, form.status());
    }

    @Test
    void rejectsDuplicateMembers() {
        String body = "{\"user_id\":\"" + user.id() + "\",\"user_id\":\"other\",\"client_id\":\"mobile-app\","
                + "\"authorization_details\":" + Json.write(detail()) + "}";
        PaymentService.Answer answer = paymentService.post(paymentService.transactionsUrl(), "application/json", body,
                paymentService.token());
        assertTrue(answer.status() == 415 || answer.status() == 400, answer.status() + " " + answer.body());
    }

    @Test
    void rejectsMissingOrInvalidTokenWith401() {
        String body = Json.write(PaymentService.registration(user.id(), AuthorizationClient.MOBILE_APP, detail()));
        PaymentService.Answer none = paymentService.post(paymentService.transactionsUrl(), "application/json", body,
                null);
        assertEquals(401, none.status());
        assertEquals("invalid_token", none.error());
        assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        PaymentService.Answer garbage = paymentService.post(paymentService.transactionsUrl(), "application/json",
                body, "not.a.token");
        assertEquals(401, garbage.status());
        String masterToken = server.admin().accessToken();
        PaymentService.Answer foreignRealm = paymentService.post(paymentService.transactionsUrl(),
                "application/json", body, masterToken);
        assertEquals(401, foreignRealm.status(), foreignRealm.body());
        assertEquals(401, paymentService.send(HttpRequest.newBuilder(URI.create(paymentService.transactionsUrl()
                + "/anything")).GET()).status());
    }

    @Test
    void rejectsCallerWithoutInitiatorRoleWith403(@WithTotp TestUser other) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page done = app.login(other, pkce, Map.of());
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        String body = Json.write(PaymentService.registration(user.id(), AuthorizationClient.MOBILE_APP, detail()));
        // the user's token as the app sends it (DPoP-bound, docs/api.md §8): authenticated, but no initiator role
        HttpResponse<String> answer = app.sendWithToken(HttpRequest.newBuilder(URI.create(paymentService
                .transactionsUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), tokens.accessToken());
        assertEquals(403, answer.statusCode(), answer.body());
        assertEquals(403, app.sendWithToken(HttpRequest.newBuilder(URI.create(paymentService.transactionsUrl()
                + "/x/consume")).POST(HttpRequest.BodyPublishers.noBody()), tokens.accessToken()).statusCode());
    }

    @Test
    void unknownTransactionIs404() {
        assertEquals(404, paymentService.get("no-such-transaction").status());
        PaymentService.Answer consume = paymentService.consume("no-such-transaction");
        assertEquals(404, consume.status());
        assertEquals("not_found", consume.error());
    }

    @Test
    void consumeOfPendingIsNotApproved() {
        String id = paymentService.registerPayment(user.id(), "10.00", "Ada Obi");
        PaymentService.Answer answer = paymentService.consume(id);
        assertEquals(409, answer.status());
        assertEquals("not_approved", answer.error());
    }

    @Test
    void expiredPendingTransactionReadsExpiredAndConsumeIs410() throws Exception {
        String id = paymentService.registerPayment(user.id(), "10.00", "Ada Obi");
        TransactionTable.expire(server, id);
        assertEquals("EXPIRED", paymentService.get(id).json().path("status").asText());
        assertEquals(410, paymentService.consume(id).status());
    }

    /** base64url length arithmetic, so the test does not trust the server's own encoder. */
    static final class Base64Url {
        static int decodedLength(String s) {
            return java.util.Base64.getUrlDecoder().decode(s).length;
        }
    }
}
