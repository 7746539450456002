package dev.txauth.authenticators.confirm.code;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The code itself and the only forms in which it and its destination are stored (docs/api.md §9): a CSPRNG code of
 * {@code length} digits; its hash, HMAC-SHA256 keyed with the transaction's nonce over channel and code, so a code
 * can only ever match its own transaction; a destination's SHA-256, so caps count per number without storing it.
 */
public final class CodeSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeSecrets() {
    }

    /** Uniform over all {@code length}-digit strings (leading zeros included): no modulo bias. */
    public static String newCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    public static String codeHash(String transactionNonce, CodeChannel channel, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(transactionNonce.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((channel.factor() + ":" + code)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String destinationHash(CodeChannel channel, String destination) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((channel.factor() + ":" + destination).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What a user may type: digits only, the configured length. Anything else is a wrong code without a lookup. */
    public static boolean wellFormed(String code, int length) {
        return code != null && code.length() == length && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
