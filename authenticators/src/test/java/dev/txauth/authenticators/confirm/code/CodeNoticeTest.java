package dev.txauth.authenticators.confirm.code;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeNoticeTest {

    private static CodeNotice notice(CodeFactor.Sent sent) {
        return CodeNotice.of(sent, "noMore", "unavailable").orElseThrow();
    }

    @Test
    void aSentCodeNeedsNoNotice() {
        assertEquals(Optional.empty(), CodeNotice.of(new CodeFactor.Sent.Done(CodeChannel.SMS), "noMore", "unavailable"));
    }

    @Test
    void shortWaitsAreSaidInSecondsUpToTwoMinutes() {
        CodeNotice wait = notice(new CodeFactor.Sent.Capped(SendCaps.Reason.COOLDOWN, 22L));
        assertEquals("txauthCodeWait", wait.key());
        assertArrayEquals(new String[] {"22"}, wait.parameters());
        assertEquals("txauthCodeWait", notice(new CodeFactor.Sent.Capped(SendCaps.Reason.COOLDOWN, 119L)).key());
    }

    @Test
    void longerWaitsAreWholeMinutesRoundedUpWithoutDigitGrouping() {
        CodeNotice twoMinutes = notice(new CodeFactor.Sent.Capped(SendCaps.Reason.USER_HOUR, 120L));
        assertEquals("txauthCodeWaitMinutes", twoMinutes.key());
        assertArrayEquals(new String[] {"2"}, twoMinutes.parameters());
        assertArrayEquals(new String[] {"3"}, notice(new CodeFactor.Sent.Capped(SendCaps.Reason.USER_HOUR, 121L))
                .parameters());
        assertArrayEquals(new String[] {"1440"}, notice(new CodeFactor.Sent.Capped(SendCaps.Reason.DESTINATION_DAY,
                86_400L)).parameters());
    }

    @Test
    void theSubjectsOwnCapAndAnUndeliveredCodeUseTheCallersMessages() {
        CodeNotice noMore = notice(new CodeFactor.Sent.Capped(SendCaps.Reason.TRANSACTION, null));
        assertEquals("noMore", noMore.key());
        assertEquals(0, noMore.parameters().length);
        assertEquals("unavailable", notice(new CodeFactor.Sent.Unavailable()).key());
        assertTrue(CodeNotice.of(new CodeFactor.Sent.Unavailable(), "a", "b").isPresent());
    }
}
