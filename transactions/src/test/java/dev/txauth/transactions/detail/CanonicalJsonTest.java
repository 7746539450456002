package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sortsMembersAndDropsWhitespace() throws Exception {
        assertEquals("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,\"2\"]}",
                CanonicalJson.write(JSON.readTree("{ \"b\": [1, \"2\"], \"a\": {\"y\": null, \"x\": true} }")));
    }

    @Test
    void sortsByUtf16CodeUnits() throws Exception {
        // RFC 8785 section 3.2.3: U+1F600 is the surrogate pair D83D DE00, so it sorts after U+20AC.
        assertEquals("{\"\\r\":1,\"1\":2,\"\u00e9\":3,\"\u20ac\":5,\"\uD83D\uDE00\":4}",
                CanonicalJson.write(JSON.readTree(
                        "{\"\u20ac\":5,\"\uD83D\uDE00\":4,\"\u00e9\":3,\"1\":2,\"\\r\":1}")));
    }

    @Test
    void escapesLikeEcmaScript() throws Exception {
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\u007f\u2028/\u0622\"",
                CanonicalJson.write(JSON.readTree("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u007f\\u2028\\/\\u0622\"")));
    }

    @Test
    void refusesFractionalNumbers() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(JSON.readTree("1.5")));
    }

    @Test
    void canonicalDetailHasStableHash() throws Exception {
        PaymentDetail detail = new PaymentDetailValidator(new java.math.BigDecimal("1000000"))
                .validate(PaymentDetailValidatorTest.valid());
        String canonical = detail.canonical("tx1");
        assertEquals("{\"creditorAccount\":{\"bankCode\":\"058\",\"identification\":\"0123456789\",\"scheme\":\"NUBAN\"},"
                + "\"creditorName\":\"Ada Obi\",\"identifier\":\"tx1\",\"instructedAmount\":{\"amount\":\"50000.00\","
                + "\"currency\":\"NGN\"},\"remittanceInformation\":\"Rent for March\",\"type\":\"payment_initiation\"}",
                canonical);
        assertEquals(43, PaymentDetail.hash(canonical).length());
        assertEquals(PaymentDetail.hash(canonical), PaymentDetail.hash(CanonicalJson.write(JSON.readTree(canonical))));
    }
}
