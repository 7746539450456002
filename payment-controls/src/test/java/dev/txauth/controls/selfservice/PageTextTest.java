package dev.txauth.controls.selfservice;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTextTest {

    /** The account bundles of theme txauth, in the themes module of this repository. */
    private static final Path BUNDLES = Path.of("..", "themes", "src", "main", "resources", "theme", "txauth",
            "account", "messages");

    @Test
    void fillsMessagesAndFixedValuesEscaped() {
        String html = PageText.fill("<html lang=\"{{lang}}\"><h1 title=\"{{a}}\">{{a}}</h1>{{b}}",
                Map.of("a", "Plafonds \"<b>\" & d'autres", "b", "ok")::get, Map.of("lang", "fr"));
        assertEquals("<html lang=\"fr\"><h1 title=\"Plafonds &quot;&lt;b&gt;&quot; &amp; d&#39;autres\">"
                + "Plafonds &quot;&lt;b&gt;&quot; &amp; d&#39;autres</h1>ok", html);
    }

    @Test
    void aPlaceholderWithoutAMessageIsADefectNotARawKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PageText.fill("<p>{{txauthMissing}}</p>", key -> null, Map.of()));
        assertTrue(e.getMessage().contains("txauthMissing"), e.getMessage());
    }

    @Test
    void aMessageThatLooksLikeAPlaceholderOrAReplacementIsTakenLiterally() {
        assertEquals("{{b}} $1 \\", PageText.fill("{{a}}", Map.of("a", "{{b}} $1 \\")::get, Map.of()));
    }

    @Test
    void everyWordOfThePageIsInTheEnglishAndTheFrenchBundle() throws IOException {
        String template = new String(SelfServicePage.read(SelfServicePage.TEMPLATE), StandardCharsets.UTF_8);
        Set<String> keys = PageText.keys(template);
        keys.remove("lang");
        assertTrue(keys.size() >= 10, keys.toString());
        Properties en = bundle("en");
        Properties fr = bundle("fr");
        for (String key : keys) {
            assertTrue(key.startsWith("txauth"), key);
            assertTrue(en.containsKey(key), "messages_en has no " + key);
            assertTrue(fr.containsKey(key), "messages_fr has no " + key);
            assertFalse(en.getProperty(key).equals(fr.getProperty(key)), key + " is not translated");
        }
        assertEquals(en.keySet(), fr.keySet(), "both bundles have the same keys");
        String filled = PageText.fill(template, fr::getProperty, Map.of("lang", "fr"));
        assertTrue(filled.contains("<html lang=\"fr\">") && filled.contains("Plafonds de paiement"), filled);
        assertFalse(filled.contains("{{"), filled);
        assertFalse(template.matches("(?s).*<script>.*"), "no inline script: the CSP would refuse it");
    }

    private static Properties bundle(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }
}
