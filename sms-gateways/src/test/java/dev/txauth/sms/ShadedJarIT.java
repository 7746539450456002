package dev.txauth.sms;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged provider jar, as Keycloak will see it: libphonenumber relocated under dev.txauth.shaded with its
 * numbering-plan metadata, nothing left under com/google, no Keycloak class bundled — and, loaded alone in a fresh
 * class loader (no unshaded libphonenumber to fall back on), it still normalises a Nigerian number.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("txauth.sms.jar", "target/txauth-sms-gateways.jar"));

    @Test
    void carriesOnlyTxauthAndRelocatedClasses() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).toList();
            List<String> foreign = names.stream().filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.startsWith("dev/txauth/")).toList();
            assertEquals(List.of(), foreign, "classes outside dev/txauth");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/google/")), "unrelocated libphonenumber files");
            assertTrue(names.stream().anyMatch(n -> n.startsWith("dev/txauth/shaded/phonenumbers/data/")),
                    "relocated metadata");
            assertTrue(names.contains("META-INF/services/org.keycloak.provider.Spi"));
            assertTrue(names.contains("META-INF/services/dev.txauth.sms.SmsSenderFactory"));
        }
    }

    @Test
    void theRelocatedLibraryFindsItsMetadata() throws Exception {
        try (URLClassLoader alone = new URLClassLoader(new URL[]{JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> phoneNumbers = alone.loadClass("dev.txauth.sms.phone.PhoneNumbers");
            Object ng = phoneNumbers.getConstructor(String.class).newInstance("NG");
            Object number = phoneNumbers.getMethod("normalize", String.class).invoke(ng, "0803 123 4567");
            assertEquals("+2348031234567", number.getClass().getMethod("value").invoke(number));
            assertEquals("dev.txauth.shaded.phonenumbers.PhoneNumberUtil",
                    alone.loadClass("dev.txauth.shaded.phonenumbers.PhoneNumberUtil").getName());
        }
    }
}
