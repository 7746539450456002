package dev.txauth.sms.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gsm7Test {

    @Test
    void countsExtensionCharactersAsTwoSeptets() {
        assertEquals(5, Gsm7.septets("Hello"));
        assertEquals(9 * 2, Gsm7.septets("{}[]~^|€\\"));
        assertEquals(160, Gsm7.septets("a".repeat(158) + "€"));
        assertTrue(Gsm7.fitsOneSegment("a".repeat(158) + "€"));
        assertFalse(Gsm7.fitsOneSegment("a".repeat(159) + "€"), "159 + 2 septets is two segments");
        assertTrue(Gsm7.fitsOneSegment("é".repeat(160)), "é is in the basic table");
    }

    @Test
    void hasExactly127BasicAnd10ExtensionCharacters() {
        // 3GPP TS 23.038: 128 basic positions, one of them the escape (0x1B) that introduces the extension table.
        long basic = java.util.stream.IntStream.range(0, 0x10000).filter(Gsm7::isBasic).count();
        long extension = java.util.stream.IntStream.range(0, 0x10000).filter(Gsm7::isExtension).count();
        assertEquals(127, basic);
        assertEquals(10, extension);
        assertTrue(java.util.stream.IntStream.rangeClosed(0x20, 0x7E).filter(c -> !Gsm7.isBasic(c))
                .allMatch(c -> Gsm7.isExtension(c) || c == '`'), "all printable ASCII but ` is GSM-7");
    }

    @Test
    void refusesAnyCharacterOutsideBothTables() {
        assertEquals(-1, Gsm7.septets("₦50"));
        assertEquals(-1, Gsm7.septets("ọ"));
        assertEquals(-1, Gsm7.septets("\uD83D\uDE00"));
        assertEquals(-1, Gsm7.septets("ç"), "GSM-7 has only the capital Ç");
    }

    @Test
    void transliteratesNamesIntoGsm7() {
        assertEquals("Oluwaseun Adébayo", Gsm7.transliterate("Olúwaṣeun Adébáyọ̀"), "ú ṣ á ọ̀ lose their marks");
        assertEquals("Adébayo", Gsm7.transliterate("Adébayọ"), "é stays, it is GSM-7");
        assertEquals("NGN 5", Gsm7.transliterate("₦ 5"));
        assertEquals("Ada Obi", Gsm7.transliterate("Ada \uD83D\uDE00 Obi \uD83C\uDDF3\uD83C\uDDEC"));
        assertEquals("Ada Obi", Gsm7.transliterate("Ada\nObi\r\n"), "no line break can come from a name");
        assertEquals("Ada Obi", Gsm7.transliterate("\u202EAda\u200F Obi\u200D"), "bidi and zero-width controls dropped");
        assertEquals("O'Neil - Lech Walesa", Gsm7.transliterate("O’Neil — Lech Wałęsa"));
        assertEquals("ΔΣ", Gsm7.transliterate("δσ"), "Greek capitals are GSM-7");
        assertEquals("", Gsm7.transliterate("محمد"));
        assertEquals("Francois", Gsm7.transliterate("François"));
    }
}
