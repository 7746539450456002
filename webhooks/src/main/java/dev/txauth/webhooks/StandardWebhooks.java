package dev.txauth.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing (standardwebhooks.com, spec 1.0.0): the secret is {@code whsec_} + base64 of random
 * bytes and the HMAC key is those bytes (the base64-decoded part, not the text); the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; the header value is {@code v1,<base64 HMAC-SHA256>}.
 * Receivers in any language verify it with the standard's libraries.
 */
public final class StandardWebhooks {

    public static final String PREFIX = "whsec_";
    /** 32 random bytes: the spec allows 24–64; HMAC-SHA256's own block of strength. */
    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the {@code webhook-signature} header for one attempt. */
    public static String signature(String secret, String webhookId, long timestampSeconds, String body) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }
}
