package dev.txauth.authenticators.confirm.passkey;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasskeyPageTest {

    @Test
    void encodesChallengeAndCredentialIdsAsUnpaddedBase64url() {
        PasskeyPage page = PasskeyPage.of(new byte[]{(byte) 0xfb, (byte) 0xff}, "bank.example",
                List.of(new byte[]{1, 2, 3}, new byte[]{(byte) 0xff}), "required");
        assertEquals("-_8", page.challenge());
        assertEquals("AQID,_w", page.credentialIds());
        assertEquals("bank.example", page.rpId());
        assertEquals("required", page.userVerification());
    }

    @Test
    void leavesUnspecifiedUserVerificationToTheBrowser() {
        assertEquals("", PasskeyPage.of(new byte[]{1}, "x", List.of(), "not specified").userVerification());
        assertEquals("", PasskeyPage.of(new byte[]{1}, "x", List.of(), null).userVerification());
    }
}
