package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code txn_hash} is SHA-256 over our canonical form, and a payment service recomputes it with whatever RFC 8785
 * library it has. This checks {@link CanonicalJson} against an independent implementation (Anders Rundgren's and
 * Samuel Erdtman's reference {@code JsonCanonicalizer}) over generated payment details: every member of
 * {@code payment_initiation}, optional members present and absent, members in random order, and text full of what
 * canonicalization can get wrong (astral-plane characters, combining marks, control characters, quotes, backslashes,
 * U+2028, number-like strings), plus members with such names and integer values.
 */
class CanonicalJsonCrossCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 4_000;
    /** Pieces chosen to hit every escaping and ordering rule; mixed with random code points of every plane. */
    private static final String[] PIECES = {"\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f",
            "\u007f", "\u0080", "\u009f", "\u00e9", "e\u0301", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff",
            "\ufffd", "\uffff", "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\u0622", "\u20a6", "\u0928\u0947",
            "1e3", "-0", "0.10", "00012.50", "1E+2", "NaN", "Infinity", "true", "null", "9007199254740993", " ", "<>&"};

    @Test
    void agreesWithAnIndependentRfc8785ImplementationOverGeneratedDetails() throws Exception {
        Random random = new Random(8785);
        int detailsThroughTheValidator = 0;
        java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            ObjectNode detail = detail(random);
            String sent = random.nextBoolean() ? JSON.writeValueAsString(detail)
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(detail);
            String theirs = new JsonCanonicalizer(sent).getEncodedString();
            assertEquals(theirs, CanonicalJson.write(JSON.readTree(sent)), "case " + i + ": " + sent);
            assertEquals(theirs, CanonicalJson.write(detail), "case " + i + " (tree): " + sent);
            // What the product actually hashes: the validated detail, re-serialized by PaymentDetail.
            PaymentDetail validated;
            try {
                validated = new PaymentDetailValidator(new java.math.BigDecimal("100000000")).validate(detail);
            } catch (InvalidDetailException refused) {
                refusals.merge(refused.getMessage().replaceAll(":.*", ""), 1, Integer::sum);
                continue;
            }
            detailsThroughTheValidator++;
            String id = random.nextBoolean() ? null : text(random, 1, 30);
            String product = validated.canonical(id);
            assertEquals(new JsonCanonicalizer(JSON.writeValueAsString(validated.toJson(id))).getEncodedString(),
                    product, "case " + i + " (validated)");
        }
        assertTrue(detailsThroughTheValidator > CASES / 4, "validated: " + detailsThroughTheValidator
                + ", refused: " + refusals);
    }

    /** Half the details are what a payment service would really send (no control characters, no extra members). */
    private static ObjectNode detail(Random random) {
        boolean realistic = random.nextBoolean();
        ObjectNode detail = detail(random, realistic);
        return realistic ? withoutControls(detail) : detail;
    }

    private static ObjectNode withoutControls(ObjectNode node) {
        ObjectNode clean = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(e -> clean.set(e.getKey(), e.getValue().isObject()
                ? withoutControls((ObjectNode) e.getValue())
                : e.getValue().isTextual() ? JsonNodeFactory.instance.textNode(e.getValue().textValue().codePoints()
                .filter(cp -> Character.getType(cp) != Character.CONTROL)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                : e.getValue()));
        return clean;
    }

    private static ObjectNode detail(Random random, boolean realistic) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Consumer<ObjectNode>> members = new ArrayList<>();
        members.add(d -> d.put("type", !realistic && random.nextInt(10) == 0 ? text(random, 0, 20)
                : dev.txauth.model.PaymentInitiation.TYPE));
        if (!realistic && random.nextBoolean()) {
            // A registration never carries it (the server adds the transaction id), the approved detail does.
            members.add(d -> d.put("identifier", text(random, 1, 40)));
        }
        members.add(d -> {
            ObjectNode amount = f.objectNode();
            List<Consumer<ObjectNode>> parts = new ArrayList<>(List.of(
                    a -> a.put("currency", pick(random, "NGN", "EUR", "USD", "KYD", "BHD", "JPY", "CLF")),
                    a -> a.put("amount", realistic && random.nextBoolean() ? digits(random, 1 + random.nextInt(6))
                            + ".00" : amount(random))));
            shuffled(random, parts).forEach(p -> p.accept(amount));
            d.set("instructedAmount", amount);
        });
        members.add(d -> d.put("creditorName", random.nextInt(3) == 0 ? plainName(random) : text(random, 1, 70)));
        members.add(d -> {
            ObjectNode account = f.objectNode();
            boolean nuban = random.nextBoolean();
            List<Consumer<ObjectNode>> parts = new ArrayList<>();
            parts.add(a -> a.put("scheme", nuban ? "NUBAN" : "IBAN"));
            parts.add(a -> a.put("identification", nuban ? digits(random, 10) : "DE89370400440532013000"));
            if (nuban) {
                parts.add(a -> a.put("bankCode", digits(random, 3)));
            }
            shuffled(random, parts).forEach(p -> p.accept(account));
            d.set("creditorAccount", account);
        });
        if (random.nextBoolean()) {
            members.add(d -> d.put("remittanceInformation", text(random, 0, 140)));
        }
        if (!realistic && random.nextInt(2) == 0) {
            // Not members the validator accepts, but JSON the canonicalizer must still get right: odd names, integers.
            members.add(d -> d.put(text(random, 0, 8), random.nextLong() % (1L << 53)));
            members.add(d -> d.put(text(random, 1, 8), text(random, 0, 20)));
        }
        ObjectNode detail = f.objectNode();
        shuffled(random, members).forEach(m -> m.accept(detail));
        return detail;
    }

    private static String text(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < length) {
            switch (random.nextInt(4)) {
                case 0 -> out.append(PIECES[random.nextInt(PIECES.length)]);
                case 1 -> out.appendCodePoint(anyCodePoint(random));
                default -> out.append((char) (' ' + random.nextInt(95)));
            }
        }
        return out.toString();
    }

    /** Any Unicode scalar value (no lone surrogates, which I-JSON and so RFC 8785 exclude), BMP-heavy. */
    private static int anyCodePoint(Random random) {
        while (true) {
            int cp = random.nextBoolean() ? random.nextInt(0x10000) : random.nextInt(0x110000);
            if (cp < 0xD800 || cp > 0xDFFF) {
                return cp;
            }
        }
    }

    private static String plainName(Random random) {
        return pick(random, "Ada Obi", "Chidi Okafor", "Zoë Ñúñez", "\u0622\u062f\u0627", "O\u2019Brien \"Jr\"",
                "A\\B", "\ud835\udc00da", "Ame\u0301lie") + " " + digits(random, 2);
    }

    private static String amount(Random random) {
        return pick(random, "50000.00", "1", "0.5", "12.345", "1e3", "-1", "00012.50", "1.0000", " 7", "١٢",
                digits(random, 1 + random.nextInt(12)) + "." + digits(random, random.nextInt(5)));
    }

    private static String digits(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> List<T> shuffled(Random random, List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Test
    void generatorReachesTheCasesItPromises() throws Exception {
        // Guard against a generator that silently stops producing the hard cases.
        Random random = new Random(8785);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            all.append(JSON.writeValueAsString(detail(random)));
        }
        String text = all.toString();
        for (String needle : new String[] {"\\u0000", "\\\"", "\\\\", "\\n", "\ud83d\ude00", "e\u0301", "\u2028",
                "remittanceInformation", "identifier", "bankCode", "1e3"}) {
            assertTrue(text.contains(needle), "never generated: " + needle);
        }
        assertTrue(text.codePoints().anyMatch(cp -> cp > 0xFFFF), "no astral-plane character");
    }
}
