package dev.txauth.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalBindingTest {

    @Test
    void rfc7636AppendixBExample() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                ApprovalBinding.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void onlyTheVerifierOfTheApprovingRequestMatches() {
        String recorded = ApprovalBinding.record(ApprovalBinding.s256("approving-verifier"), "S256");
        assertTrue(ApprovalBinding.matches(recorded, "approving-verifier"));
        assertFalse(ApprovalBinding.matches(recorded, "later-login-verifier"));
        assertFalse(ApprovalBinding.matches(recorded, null));
        assertFalse(ApprovalBinding.matches(null, "approving-verifier"), "notes without a binding are inert");
    }

    @Test
    void aRequestWithoutS256PkceBindsToNoExchange() {
        assertEquals("", ApprovalBinding.record("plain-challenge", "plain"));
        assertEquals("", ApprovalBinding.record(null, null));
        assertFalse(ApprovalBinding.matches("", ""));
        assertFalse(ApprovalBinding.matches("", "anything"));
    }
}
