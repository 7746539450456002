package dev.txauth.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit key this node signs with, and the earlier keys it still verifies with (rotation, docs/audit.md
 * "Key handling"). Read once at start from files outside the database; never logged (only {@link AuditKey#id()}).
 */
public final class AuditKeys {

    /** Name of the key a node creates for itself when none is configured. */
    public static final String GENERATED_KEY_FILE = "audit-hmac.key";

    private final AuditKey current;
    private final Map<String, AuditKey> all = new LinkedHashMap<>();
    private final boolean generated;

    AuditKeys(AuditKey current, List<AuditKey> previous, boolean generated) {
        this.current = current;
        this.generated = generated;
        all.put(current.id(), current);
        previous.forEach(k -> all.putIfAbsent(k.id(), k));
    }

    /**
     * @param keyFile   the configured key file, or null: then a random key is created once in {@code stateDir}
     *                  (owner-only) and reused on every start of this node
     * @param previous  files of retired keys, for rows and checkpoints made before a rotation
     */
    public static AuditKeys load(Path keyFile, List<Path> previous, Path stateDir) throws IOException {
        boolean generated = keyFile == null;
        Path file = generated ? stateDir.resolve(GENERATED_KEY_FILE) : keyFile;
        if (generated && !Files.isRegularFile(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            OwnerOnly.writeNew(file, Base64.getEncoder().encodeToString(random) + "\n");
        }
        AuditKey current = read(file);
        List<AuditKey> older = previous.stream().map(p -> {
            try {
                return read(p);
            } catch (IOException e) {
                throw new IllegalStateException("txauth-audit: cannot read the previous audit key file " + p, e);
            }
        }).toList();
        return new AuditKeys(current, older, generated);
    }

    private static AuditKey read(Path file) throws IOException {
        return AuditKey.ofText(Files.readString(file, StandardCharsets.UTF_8));
    }

    public AuditKey current() {
        return current;
    }

    /** @return the key with this id, or null if this node does not hold it */
    public AuditKey byId(String id) {
        return id == null ? null : all.get(id);
    }

    /** True when no key file was configured and this node made its own (single-node only, see docs/audit.md). */
    public boolean generated() {
        return generated;
    }
}
