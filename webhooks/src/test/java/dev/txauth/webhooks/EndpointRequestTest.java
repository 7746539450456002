package dev.txauth.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointRequestTest {

    @Test
    void readsAValidRequestWithEnabledDefaultingToTrue() throws Exception {
        EndpointRequest r = EndpointRequest.parse("{\"url\":\"https://pay.example/hooks\","
                + "\"events\":[\"TXAUTH_TRANSACTION_*\",\"LOGIN_ERROR\",\"LOGIN_ERROR\"]}");
        assertEquals("https://pay.example/hooks", r.url().toString());
        assertEquals(List.of("TXAUTH_TRANSACTION_*", "LOGIN_ERROR"), r.eventList());
        assertTrue(r.enabled());
    }

    @Test
    void refusesWithAMessageNamingTheProblem() {
        String[][] cases = {
                {"{\"url\":\"https://a.example/\",\"events\":[\"*\"],\"secret\":\"mine\"}", "unknown field 'secret'"},
                {"{\"url\":\"https://a.example/\",\"events\":[\"TX*AUTH\"]}", "not an audit type"},
                {"{\"url\":\"https://a.example/\",\"events\":[\"A,B\"]}", "not an audit type"},
                {"{\"url\":\"https://a.example/\",\"events\":\"*\"}", "events is required"},
                {"{\"url\":\"https://a.example/\",\"events\":[1]}", "must be a string"},
                {"{\"url\":42,\"events\":[\"*\"]}", "url is required"},
                {"{\"url\":\"https://a.example/\",\"url\":\"https://b.example/\",\"events\":[\"*\"]}", "not valid JSON"},
                {"{\"url\":\"https://a.example/\",\"events\":[\"*\"]} trailing", "not valid JSON"},
                {"null", "JSON object"},
        };
        for (String[] c : cases) {
            EndpointRequest.Invalid e = assertThrows(EndpointRequest.Invalid.class, () -> EndpointRequest.parse(c[0]),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " → " + e.getMessage());
        }
    }

    @Test
    void aStarSuffixIsAPrefixAndAloneMatchesEverything() {
        EventFilter f = new EventFilter(List.of("TXAUTH_TRANSACTION_*", "LOGIN"));
        assertTrue(f.matches("TXAUTH_TRANSACTION_APPROVED"));
        assertTrue(f.matches("LOGIN"));
        assertFalse(f.matches("LOGIN_ERROR"));
        assertFalse(f.matches("TXAUTH_RISK_DECISION"));
        assertTrue(new EventFilter(List.of("*")).matches("ADMIN_CREATE_USER"));
        assertEquals(f, EventFilter.ofStored(f.stored()));
    }
}
