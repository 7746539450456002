package dev.txauth.sms.text;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentSmsTextTest {

    private static final List<String> NAMES = List.of(
            "Ada Obi",
            "",
            "Oluwaseun Babatunde Adeyemi-Okonkwo Chukwuemeka Ifeanyichukwu Nwachukwu Enterprises Limited",
            "Olúwaṣeun Adébáyọ̀ Ọmọ́wùmí Ìbùkún Àánú Ṣàngódèyí Ọláòlúwa Àyọ̀ká Ìfẹ́olúwa Ọlámídé",
            "\uD83D\uDE00\uD83D\uDE80\uD83C\uDDF3\uD83C\uDDEC Ada \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 Obi",
            "محمد بن عبد الله بن عبد المطلب بن هاشم",
            "\u202Emoc.knab\u202C Ada",
            "שלום עליכם",
            "王小明的非常长的公司名称有限责任公司",
            "{[Braces]} ~^|\\€ " + "{}".repeat(60),
            "A".repeat(500),
            "Zoë Ångström-Müller Ñúñez Øster Ça Va Straße Œuvre Łódź Þór");
    private static final List<String> BANKS = List.of("GTBank", "", "First City Monument Bank Limited of Nigeria Plc",
            "Bánk ₦ \uD83D\uDCB0 {Ext}");
    private static final List<String> AMOUNTS = List.of("1", "50000", "999999999999999999", "0.5");

    @Test
    void rendersTheDocumentedExample() {
        String text = new PaymentSmsText(new BigDecimal("50000.00"), "NGN", "Ada Obi", "GTBank", "6789", "482913").render();
        assertEquals("Pay NGN 50,000.00 to Ada Obi (GTBank ****6789). Code 482913. Never share it.", text);
    }

    @Test
    void everyJdkCurrencyAndEveryHardNameGiveOneGsm7SegmentWithCodeAndAccount() {
        int rendered = 0;
        for (Currency currency : Currency.getAvailableCurrencies()) {
            for (String amount : amounts(currency)) {
                for (String name : NAMES) {
                    for (String bank : BANKS) {
                        String text = new PaymentSmsText(new BigDecimal(amount), currency.getCurrencyCode(), name,
                                bank, "6789", "482913").render();
                        String where = currency + " " + amount + " / " + name + " / " + bank + " -> " + text;
                        int septets = Gsm7.septets(text);
                        assertTrue(septets > 0, "only GSM-7 characters: " + where);
                        assertTrue(septets <= Gsm7.SEGMENT_SEPTETS, septets + " septets: " + where);
                        assertTrue(text.contains("Code 482913. Never share it."), where);
                        assertTrue(text.contains("****6789"), where);
                        assertTrue(text.startsWith("Pay " + currency.getCurrencyCode() + " "), where);
                        assertTrue(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, where);
                        rendered++;
                    }
                }
            }
        }
        assertTrue(Currency.getAvailableCurrencies().size() > 200, "the JDK knows every ISO 4217 currency");
        assertTrue(rendered > 50_000, "rendered " + rendered);
    }

    private static List<String> amounts(Currency currency) {
        List<String> amounts = new ArrayList<>(AMOUNTS);
        if (currency.getDefaultFractionDigits() == 0) {
            amounts.remove("0.5");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (digits > 0) {
            amounts.add("999999999999999999." + "9".repeat(digits));
        }
        return amounts;
    }

    @Test
    void shortensALongNameToFitAndMarksTheCut() {
        String text = new PaymentSmsText(new BigDecimal("50000"), "NGN", "Oluwaseun ".repeat(20), "GTBank", "6789",
                "482913").render();
        assertTrue(Gsm7.septets(text) >= 158 && Gsm7.septets(text) <= 160, text);
        assertTrue(text.startsWith("Pay NGN 50,000.00 to Oluwaseun Oluwaseun"), text);
        assertTrue(text.endsWith(". (GTBank ****6789). Code 482913. Never share it."), text);
    }

    @Test
    void countsExtensionCharactersInTheNameTwice() {
        String text = new PaymentSmsText(new BigDecimal("1"), "NGN", "{}".repeat(100), "", "6789", "482913").render();
        assertTrue(Gsm7.septets(text) <= 160, text);
        assertTrue(text.length() < 160, "fewer characters than septets: " + text.length());
    }

    @Test
    void formatsAmountsWithIsoCodeAndGrouping() {
        assertEquals("50,000.00", PaymentSmsText.formatAmount(new BigDecimal("50000"), "NGN"));
        assertEquals("1,234,567", PaymentSmsText.formatAmount(new BigDecimal("1234567"), "JPY"));
        assertEquals("1,234.567", PaymentSmsText.formatAmount(new BigDecimal("1234.567"), "KWD"));
        assertEquals("0.50", PaymentSmsText.formatAmount(new BigDecimal("0.5"), "EUR"));
        assertEquals("1.5", PaymentSmsText.formatAmount(new BigDecimal("1.5"), "XAU"));
        assertThrows(IllegalArgumentException.class, () -> PaymentSmsText.formatAmount(new BigDecimal("1.001"), "NGN"));
        assertThrows(IllegalArgumentException.class, () -> PaymentSmsText.formatAmount(new BigDecimal("1.5"), "JPY"));
    }

    @Test
    void refusesBadInput() {
        BigDecimal one = BigDecimal.ONE;
        assertThrows(IllegalArgumentException.class, () -> new PaymentSmsText(one, "NGN", "A", "", "6789", "12ab56"));
        assertThrows(IllegalArgumentException.class, () -> new PaymentSmsText(one, "NGN", "A", "", "678", "123456"));
        assertThrows(IllegalArgumentException.class, () -> new PaymentSmsText(one, "ZZZ", "A", "", "6789", "123456"));
        assertThrows(IllegalArgumentException.class, () -> new PaymentSmsText(one, "ngn", "A", "", "6789", "123456"));
        assertThrows(IllegalArgumentException.class,
                () -> new PaymentSmsText(BigDecimal.ZERO, "NGN", "A", "", "6789", "123456"));
    }

    @Test
    void toStringHidesTheCode() {
        PaymentSmsText text = new PaymentSmsText(BigDecimal.ONE, "NGN", "Ada", "", "6789", "482913");
        assertTrue(!text.toString().contains("482913") && !text.toString().contains("6789"), text.toString());
    }
}
