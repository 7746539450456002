package dev.txauth.devserver;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Keycloak installation prepared for txauth: the unpacked distribution, our jars in {@code providers/}, the realm
 * files in {@code data/import/}, and an optimized build that is redone only when a jar or a build option changed.
 */
public final class KeycloakHome {

    private static final Logger LOG = Logger.getLogger(KeycloakHome.class);
    private static final String BUILD_STAMP = "txauth-build.stamp";
    private static final String OUR_JAR_PREFIX = "txauth-";

    private final Path home;

    private KeycloakHome(Path home) {
        this.home = home;
    }

    public Path path() {
        return home;
    }

    public Path script() {
        return home.resolve("bin").resolve("kc.sh");
    }

    /** Unpacks the distribution into {@code parent/keycloak-<version>} unless it is already there. */
    public static KeycloakHome unpack(TxauthBundle bundle, Path parent) {
        Path home = parent.resolve("keycloak-" + bundle.keycloakVersion());
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            LOG.infof("Unpacking Keycloak %s into %s", bundle.keycloakVersion(), home);
            unzipStrippingTopFolder(bundle.distribution(), home);
        }
        return new KeycloakHome(home);
    }

    /**
     * Installs the provider jars and realm files; runs {@code kc.sh build} only when their bytes or the build
     * options differ from the last successful build.
     *
     * @param importFiles names inside the realm-config jar to place in {@code data/import/}
     */
    public void install(TxauthBundle bundle, List<String> importFiles, List<String> buildOptions) {
        install(bundle.providerJars(), readFromJar(bundle.realmConfigJar(), importFiles), buildOptions);
    }

    /**
     * Installs exactly these provider jars (none for a vanilla Keycloak) and these import files (name → content).
     */
    public void install(List<Path> providerJars, Map<String, byte[]> importFiles, List<String> buildOptions) {
        List<String> installed = new ArrayList<>();
        for (Path jar : providerJars) {
            Path target = home.resolve("providers").resolve(jar.getFileName());
            FileSync.copyIfChanged(jar, target);
            installed.add(target.getFileName().toString());
        }
        removeStaleJars(installed);
        installImportFiles(importFiles);

        String stamp = buildStamp(buildOptions);
        Path stampFile = home.resolve(BUILD_STAMP);
        if (stamp.equals(readQuietly(stampFile))) {
            LOG.infof("Keycloak build is current (%s), skipping kc.sh build", stampFile);
            return;
        }
        List<String> command = new ArrayList<>(List.of(script().toString(), "build"));
        command.addAll(buildOptions);
        KeycloakProcess.runToCompletion(command, home, home.resolve("build.log"));
        try {
            Files.writeString(stampFile, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String buildStamp(List<String> buildOptions) {
        StringBuilder stamp = new StringBuilder(String.join(" ", buildOptions)).append('\n');
        try (Stream<Path> jars = Files.list(home.resolve("providers"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(p -> stamp.append(p.getFileName()).append(' ').append(FileSync.sha256(p)).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stamp.toString();
    }

    private void removeStaleJars(List<String> installed) {
        try (Stream<Path> jars = Files.list(home.resolve("providers"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith(OUR_JAR_PREFIX) && !installed.contains(name)) {
                    Files.delete(jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> readFromJar(Path jar, List<String> names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : names) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new IllegalStateException(name + " not found in " + jar);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    files.put(Path.of(name).getFileName().toString(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private void installImportFiles(Map<String, byte[]> files) {
        Path importDir = home.resolve("data").resolve("import");
        try {
            recreate(importDir);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(importDir.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void unzipStrippingTopFolder(Path zipFile, Path target) {
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = staging.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Zip entry escapes target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                if (name.endsWith(".sh")) {
                    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE);
                    Files.setPosixFilePermissions(out, perms);
                }
            }
            // Rename last so a half-unpacked folder is never mistaken for a complete one.
            Files.move(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zipFile, e);
        }
    }
}
