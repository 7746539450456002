package dev.txauth.audit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "chain {@code chain} of realm {@code realm} had {@code seq} rows and head {@code head} at
 * {@code time}", published outside the database (docs/audit.md, "Checkpoints"). One line of {@code key=value} pairs:
 * <pre>txauth-audit-checkpoint v=1 realm=… chain=… seq=… head=… key=… time=… mac=…</pre>
 * Values are URL-encoded (no space can occur); {@code mac} is HMAC-SHA256 with the audit key over the line up to the
 * space before {@code mac=}, so an auditor re-checks it with one {@code openssl dgst -hmac} call.
 */
public record Checkpoint(String realmId, String chainId, long seq, String head, String keyId, Instant time) {

    public static final String PREFIX = "txauth-audit-checkpoint";
    private static final String MAC = " mac=";

    /** The signed line. */
    public String format(AuditKey key) {
        String body = body();
        return body + MAC + key.mac(body);
    }

    /**
     * @return the checkpoint, or null when the line is not a checkpoint, is malformed, or its mac does not verify
     *         with any of the keys (a key unknown to this node, or an edited line)
     */
    public static Checkpoint parse(String line, AuditKeys keys) {
        int prefixAt = line.indexOf(PREFIX + " ");
        int macAt = line.lastIndexOf(MAC);
        if (prefixAt < 0 || macAt < prefixAt) {
            return null;
        }
        String body = line.substring(prefixAt, macAt);
        String mac = line.substring(macAt + MAC.length()).strip();
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : body.substring(PREFIX.length() + 1).split(" ")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        AuditKey key = keys.byId(f.get("key"));
        if (!"1".equals(f.get("v")) || key == null || !key.verifies(body, mac)) {
            return null;
        }
        try {
            Checkpoint c = new Checkpoint(f.get("realm"), f.get("chain"), Long.parseLong(f.get("seq")),
                    f.get("head"), f.get("key"), Instant.parse(f.get("time")));
            return c.body().equals(body) && c.realmId() != null && c.chainId() != null && c.head() != null ? c : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private String body() {
        return PREFIX + " v=1 realm=" + enc(realmId) + " chain=" + enc(chainId) + " seq=" + seq + " head="
                + enc(head) + " key=" + enc(keyId) + " time=" + time;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
