package dev.txauth.authenticators.confirm.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasskeyEvidenceTest {

    private static final String ORIGIN = "https://bank.example";
    private static final RelyingParty RP = new RelyingParty(Set.of(ORIGIN), "bank.example", true);
    private static final String DETAIL = "{\"creditorName\":\"Ada Obi\",\"instructedAmount\":{\"amount\":\"50000.00\","
            + "\"currency\":\"NGN\"},\"type\":\"payment_initiation\"}";
    private static final byte[] NONCE = {9, 8, 7, 6, 5, 4, 3, 2, 1};

    private final TestAuthenticator authenticator = new TestAuthenticator(4);
    private final String evidence = PasskeyEvidence.toJson(authenticator.sign(TransactionChallenge.compute(DETAIL,
            NONCE), ORIGIN, "bank.example").input("user-1".getBytes(StandardCharsets.UTF_8)), DETAIL, NONCE,
            "bank.example", 5);

    @Test
    void keepsTheAssertionDetailAndNonce() throws Exception {
        JsonNode json = new ObjectMapper().readTree(evidence);
        assertEquals(PasskeyEvidence.FORMAT, json.get("format").asText());
        assertEquals(DETAIL, json.get("canonicalDetail").asText());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(NONCE), json.get("nonce").asText());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(authenticator.credentialId),
                json.get("credentialId").asText());
        assertEquals("bank.example", json.get("rpId").asText());
        assertEquals(5, json.get("signCount").asLong());
        for (String field : new String[]{"clientDataJSON", "authenticatorData", "signature", "userHandle",
                "challenge"}) {
            assertFalse(json.get(field).asText().isEmpty(), field);
        }
    }

    @Test
    void reverifiesWithThePublicKeyAndReturnsTheApprovedDetail() {
        assertEquals(Optional.of(DETAIL), PasskeyEvidence.reverify(evidence, authenticator.publicKeyCose(), RP));
    }

    @Test
    void failsWhenTheRecordedDetailWasEdited() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(evidence);
        json.put("canonicalDetail", DETAIL.replace("50000.00", "5000.00"));
        assertTrue(PasskeyEvidence.reverify(json.toString(), authenticator.publicKeyCose(), RP).isEmpty());
    }

    @Test
    void failsWithAnotherPublicKey() {
        assertTrue(PasskeyEvidence.reverify(evidence, new TestAuthenticator(0).publicKeyCose(), RP).isEmpty());
    }

    @Test
    void failsOnGarbageOrForeignFormat() throws Exception {
        assertTrue(PasskeyEvidence.reverify("not json", authenticator.publicKeyCose(), RP).isEmpty());
        assertTrue(PasskeyEvidence.reverify("{}", authenticator.publicKeyCose(), RP).isEmpty());
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(evidence);
        json.put("format", "other/1");
        assertTrue(PasskeyEvidence.reverify(json.toString(), authenticator.publicKeyCose(), RP).isEmpty());
        json = (ObjectNode) new ObjectMapper().readTree(evidence);
        json.remove("signature");
        assertTrue(PasskeyEvidence.reverify(json.toString(), authenticator.publicKeyCose(), RP).isEmpty());
    }
}
