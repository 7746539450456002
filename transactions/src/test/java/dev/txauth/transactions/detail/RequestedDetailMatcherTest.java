package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestedDetailMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode registered = new PaymentDetail("NGN", "50000.00", "Ada Obi", "NUBAN", "0123456789", "058",
            null).toJson("tx1");

    private JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void readsIdentifierOfSingleMember() throws Exception {
        assertEquals(Optional.of("tx1"), RequestedDetailMatcher.identifier(
                json("[{\"type\":\"payment_initiation\",\"identifier\":\"tx1\"}]")));
        assertTrue(RequestedDetailMatcher.identifier(json("[{\"type\":\"payment_initiation\"}]")).isEmpty());
        assertTrue(RequestedDetailMatcher.identifier(json("[{\"type\":\"other\",\"identifier\":\"tx1\"}]")).isEmpty());
        assertTrue(RequestedDetailMatcher.identifier(json("[{\"type\":\"payment_initiation\",\"identifier\":\"a\"},"
                + "{\"type\":\"payment_initiation\",\"identifier\":\"b\"}]")).isEmpty());
        assertTrue(RequestedDetailMatcher.identifier(json("{\"type\":\"payment_initiation\"}")).isEmpty());
    }

    @Test
    void acceptsReferenceAloneOrWithIdenticalFields() throws Exception {
        assertTrue(RequestedDetailMatcher.matches(json("{\"type\":\"payment_initiation\",\"identifier\":\"tx1\"}"),
                registered));
        assertTrue(RequestedDetailMatcher.matches(json("{\"type\":\"payment_initiation\",\"identifier\":\"tx1\","
                + "\"instructedAmount\":{\"currency\":\"NGN\",\"amount\":\"50000.00\"},\"creditorName\":\"Ada Obi\"}"),
                registered));
    }

    @Test
    void rejectsDifferingOrUnknownFields() throws Exception {
        assertFalse(RequestedDetailMatcher.matches(json("{\"type\":\"payment_initiation\",\"identifier\":\"tx1\","
                + "\"instructedAmount\":{\"currency\":\"NGN\",\"amount\":\"5000.00\"}}"), registered));
        assertFalse(RequestedDetailMatcher.matches(json("{\"type\":\"payment_initiation\",\"identifier\":\"tx1\","
                + "\"creditorName\":\"Eve\"}"), registered));
        assertFalse(RequestedDetailMatcher.matches(json("{\"type\":\"payment_initiation\",\"identifier\":\"tx1\","
                + "\"debtorAccount\":{}}"), registered));
    }
}
