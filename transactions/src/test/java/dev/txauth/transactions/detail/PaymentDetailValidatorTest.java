package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentDetailValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PaymentDetailValidator validator = new PaymentDetailValidator(new BigDecimal("10000000"));

    static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"type": "payment_initiation",
                     "instructedAmount": {"currency": "NGN", "amount": "50000.00"},
                     "creditorName": "Ada Obi",
                     "creditorAccount": {"scheme": "NUBAN", "identification": "0123456789", "bankCode": "058"},
                     "remittanceInformation": "Rent for March"}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode with(String pointer, JsonNode value) {
        ObjectNode detail = valid();
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = slash == 0 ? detail : (ObjectNode) detail.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, value);
        }
        return detail;
    }

    private ObjectNode withText(String pointer, String value) {
        return with(pointer, JSON.getNodeFactory().textNode(value));
    }

    private void rejects(JsonNode detail) {
        assertThrows(InvalidDetailException.class, () -> validator.validate(detail));
    }

    @Test
    void acceptsContractExample() throws Exception {
        PaymentDetail detail = validator.validate(valid());
        assertEquals(new PaymentDetail("NGN", "50000.00", "Ada Obi", "NUBAN", "0123456789", "058", "Rent for March"),
                detail);
        assertEquals("NUBAN:058:0123456789", detail.destination());
    }

    @Test
    void normalizesAmountToMinorUnits() throws Exception {
        assertEquals("50000.00", validator.validate(withText("/instructedAmount/amount", "50000")).amount());
        assertEquals("0.50", validator.validate(withText("/instructedAmount/amount", "0.5")).amount());
    }

    @Test
    void acceptsValidIbanWithoutBankCode() throws Exception {
        ObjectNode detail = valid();
        ObjectNode account = detail.putObject("creditorAccount");
        account.put("scheme", "IBAN");
        account.put("identification", "DE89370400440532013000");
        assertEquals("IBAN:DE89370400440532013000", validator.validate(detail).destination());
    }

    @Test
    void remittanceIsOptional() throws Exception {
        assertNull(validator.validate(with("/remittanceInformation", null)).remittance());
    }

    @Test
    void acceptsRightToLeftAndZeroWidthCharactersInNames() throws Exception {
        assertEquals("\u0622\u062f\u0627 \u200bObi\u202e", validator.validate(
                withText("/creditorName", "\u0622\u062f\u0627 \u200bObi\u202e")).creditorName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1.00", "1e3", "1,000.00", " 100", "100.001", "01.00", "", "abc",
            "10000000.01", "99999999999999999999"})
    void rejectsBadAmounts(String amount) {
        rejects(withText("/instructedAmount/amount", amount));
    }

    @Test
    void rejectsDecimalsForZeroMinorUnitCurrency() throws Exception {
        ObjectNode detail = withText("/instructedAmount/currency", "JPY");
        ((ObjectNode) detail.get("instructedAmount")).put("amount", "100.50");
        rejects(detail);
        ((ObjectNode) detail.get("instructedAmount")).put("amount", "100");
        assertEquals("100", validator.validate(detail).amount());
    }

    @Test
    void acceptsThreeDecimalsForBahrainiDinar() throws Exception {
        ObjectNode detail = withText("/instructedAmount/currency", "BHD");
        ((ObjectNode) detail.get("instructedAmount")).put("amount", "12.345");
        assertEquals("12.345", validator.validate(detail).amount());
    }

    @Test
    void rejectsAmountAsNumber() {
        rejects(with("/instructedAmount/amount", JSON.getNodeFactory().numberNode(50000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngn", "XXX", "HRK", "NG", "NGNN", "XAU"})
    void rejectsUnknownOrInactiveCurrencies(String currency) {
        rejects(withText("/instructedAmount/currency", currency));
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678", "01234567890", "012345678a", "0123 45678"})
    void rejectsMalformedNuban(String account) {
        rejects(withText("/creditorAccount/identification", account));
    }

    @Test
    void rejectsNubanWithoutOrWithBadBankCode() {
        rejects(with("/creditorAccount/bankCode", null));
        rejects(withText("/creditorAccount/bankCode", "58"));
        rejects(withText("/creditorAccount/bankCode", "05A"));
    }

    @Test
    void rejectsIbanWithBadChecksumOrBankCode() {
        ObjectNode detail = valid();
        ObjectNode account = detail.putObject("creditorAccount");
        account.put("scheme", "IBAN");
        account.put("identification", "DE89370400440532013001");
        rejects(detail);
        account.put("identification", "DE89370400440532013000");
        account.put("bankCode", "370");
        rejects(detail);
    }

    @Test
    void rejectsUnknownScheme() {
        rejects(withText("/creditorAccount/scheme", "SORT"));
    }

    @Test
    void rejectsNamesOutOfBounds() {
        rejects(withText("/creditorName", ""));
        rejects(withText("/creditorName", "   "));
        rejects(withText("/creditorName", "x".repeat(71)));
        rejects(with("/creditorName", null));
    }

    @Test
    void countsCharactersNotUtf16Units() throws Exception {
        String seventyEmoji = "\uD83D\uDE00".repeat(70);
        assertEquals(seventyEmoji, validator.validate(withText("/creditorName", seventyEmoji)).creditorName());
    }

    @Test
    void rejectsRemittanceOver140() throws Exception {
        rejects(withText("/remittanceInformation", "r".repeat(141)));
        assertEquals(140, validator.validate(withText("/remittanceInformation", "r".repeat(140))).remittance().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\nObi", "Ada\tObi", "Ada\u0000", "Ada\u007f", "Ada\u0085", "Ada\u001b[31m"})
    void rejectsControlCharacters(String name) {
        rejects(withText("/creditorName", name));
        rejects(withText("/remittanceInformation", name));
    }

    @Test
    void rejectsLoneSurrogates() {
        rejects(withText("/creditorName", "Ada \uD83D"));
        rejects(withText("/creditorName", "\uDE00 Ada"));
    }

    @Test
    void rejectsUnknownMembersAtEveryLevel() {
        rejects(withText("/debtorName", "x"));
        rejects(withText("/identifier", "chosen-by-caller"));
        rejects(withText("/instructedAmount/fx", "x"));
        rejects(withText("/creditorAccount/iban", "x"));
    }

    @Test
    void rejectsWrongTypesAndMissingMembers() {
        rejects(withText("/type", "account_information"));
        rejects(with("/type", null));
        rejects(with("/instructedAmount", null));
        rejects(withText("/instructedAmount", "50000 NGN"));
        rejects(with("/creditorAccount", JSON.createArrayNode()));
        rejects(with("/creditorName", JSON.getNodeFactory().numberNode(1)));
        rejects(with("/instructedAmount/currency", null));
        rejects(JSON.createArrayNode());
        rejects(null);
    }
}
