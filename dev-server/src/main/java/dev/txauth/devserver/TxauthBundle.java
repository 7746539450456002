package dev.txauth.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What goes into a txauth Keycloak: the distribution zip, the provider jars (theme included) and the realm-config jar.
 * The build writes their paths into {@code txauth-bundle.properties}, so the dev server and the testkit install exactly
 * what Maven just built, never a stale copy. {@code devProviderJars} are installed by the dev server (and the test
 * servers) only, never by docker-compose: today the demo ({@code txauth-demo.jar}), which answers 404 unless the dev
 * server's option enables it.
 */
public record TxauthBundle(String keycloakVersion, Path distribution, List<Path> providerJars, Path realmConfigJar,
                           List<Path> devProviderJars) {

    private static final String RESOURCE = "/txauth-bundle.properties";

    public static TxauthBundle fromClasspath() {
        Properties p = new Properties();
        try (InputStream in = TxauthBundle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing: build with ./mvnw package");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TxauthBundle bundle = new TxauthBundle(
                p.getProperty("keycloak.version"),
                Path.of(p.getProperty("keycloak.distribution")),
                Arrays.stream(p.getProperty("provider.jars").split(",")).map(String::trim).map(Path::of).toList(),
                Path.of(p.getProperty("realm.config.jar")),
                Arrays.stream(p.getProperty("dev.provider.jars").split(",")).map(String::trim).map(Path::of).toList());
        bundle.requireFilesExist();
        return bundle;
    }

    /** The same bundle with the dev-only jars among the provider jars: what the dev server installs. */
    public TxauthBundle withDevJars() {
        return new TxauthBundle(keycloakVersion, distribution,
                java.util.stream.Stream.concat(providerJars.stream(), devProviderJars.stream()).toList(),
                realmConfigJar, List.of());
    }

    private void requireFilesExist() {
        for (Path jar : java.util.stream.Stream.concat(providerJars.stream(), devProviderJars.stream()).toList()) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Provider jar " + jar + " is not built: run ./mvnw package first");
            }
        }
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("Keycloak distribution " + distribution + " not found");
        }
        if (!Files.isRegularFile(realmConfigJar)) {
            throw new IllegalStateException("Realm config jar " + realmConfigJar + " is not built");
        }
    }
}
