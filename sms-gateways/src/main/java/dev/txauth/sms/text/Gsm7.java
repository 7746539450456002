package dev.txauth.sms.text;

import java.text.Normalizer;
import java.util.Map;

/**
 * The GSM 03.38 / 3GPP TS 23.038 default alphabet. A single SMS segment holds 160 septets; a basic character costs
 * one septet, a character of the extension table ({@code ^ { } \ [ ~ ] | €} and form feed) costs two (escape + code).
 * One character outside both tables makes the whole message UCS-2 — 70 characters a segment — so text built for an
 * SMS is first passed through {@link #transliterate}.
 */
public final class Gsm7 {

    public static final int SEGMENT_SEPTETS = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Replacements for characters that neither table has nor a decomposition reaches. */
    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry((int) '\u2018', "'"), Map.entry((int) '\u2019', "'"), Map.entry((int) '\u201A', "'"),
            Map.entry((int) '\u2032', "'"), Map.entry((int) '`', "'"), Map.entry((int) '\u00B4', "'"),
            Map.entry((int) '\u201C', "\""), Map.entry((int) '\u201D', "\""), Map.entry((int) '\u201E', "\""),
            Map.entry((int) '\u2010', "-"), Map.entry((int) '\u2011', "-"), Map.entry((int) '\u2012', "-"),
            Map.entry((int) '\u2013', "-"), Map.entry((int) '\u2014', "-"), Map.entry((int) '\u2212', "-"),
            Map.entry((int) '\u2026', "..."), Map.entry((int) '\u00D7', "x"),
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"), Map.entry((int) 'ð', "d"), Map.entry((int) 'Ð', "D"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'Þ', "Th"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ŋ', "n"), Map.entry((int) 'Ŋ', "N"), Map.entry((int) 'ƒ', "f"),
            // Currency signs outside GSM-7 become their ISO 4217 code (docs/api.md §9: NGN, not ₦).
            Map.entry((int) '₦', "NGN"), Map.entry((int) '₵', "GHS"), Map.entry((int) '₹', "INR"),
            Map.entry((int) '₩', "KRW"), Map.entry((int) '₽', "RUB"), Map.entry((int) '₺', "TRY"),
            Map.entry((int) '₫', "VND"), Map.entry((int) '₱', "PHP"), Map.entry((int) '₴', "UAH"),
            Map.entry((int) '₪', "ILS"), Map.entry((int) '¢', "c"));

    private Gsm7() {
    }

    public static boolean isBasic(int codePoint) {
        return codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0;
    }

    public static boolean isExtension(int codePoint) {
        return codePoint < 0x10000 && EXTENSION.indexOf(codePoint) >= 0;
    }

    /** @return septets the text needs, or -1 when it has a character outside GSM-7 */
    public static int septets(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBasic(cp)) {
                total += 1;
            } else if (isExtension(cp)) {
                total += 2;
            } else {
                return -1;
            }
        }
        return total;
    }

    public static boolean fitsOneSegment(String text) {
        int septets = septets(text);
        return septets >= 0 && septets <= SEGMENT_SEPTETS;
    }

    /**
     * Free text (a payee or bank name) made GSM-7: accents stripped where GSM-7 lacks the letter ({@code ọ → o}),
     * typographic punctuation straightened, known currency signs spelled as ISO codes; emoji, other scripts,
     * bidi controls and line breaks dropped or turned into single spaces, so a name can neither reorder nor
     * break the message around it.
     */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            appendGsm(out, cp);
        }
        return out.toString().replaceAll(" {2,}", " ").trim();
    }

    private static void appendGsm(StringBuilder out, int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.append(' ');
        } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
            return;
        } else if (isBasic(cp) || isExtension(cp)) {
            out.appendCodePoint(cp);
        } else if (REPLACEMENTS.containsKey(cp)) {
            out.append(REPLACEMENTS.get(cp));
        } else {
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            for (int j = 0; j < decomposed.length(); ) {
                int part = decomposed.codePointAt(j);
                j += Character.charCount(part);
                int upper = Character.toUpperCase(part);
                if (isBasic(part) && part != '\n' && part != '\r') {
                    out.appendCodePoint(part);
                } else if (part != cp && REPLACEMENTS.containsKey(part)) {
                    out.append(REPLACEMENTS.get(part));
                } else if (Character.isLetter(part) && isBasic(upper)) {
                    out.appendCodePoint(upper); // Greek: GSM-7 has the capitals only
                }
            }
        }
    }
}
