package dev.txauth.authenticators.confirm.totp;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.TOTPGenerator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * RFC 6238 check with otp-java, parameterised like Keycloak's credentials: the HMAC key is the raw secret bytes
 * (Keycloak's {@code getDecodedSecret()}), the algorithm is Keycloak's JCA name, and the window is symmetric.
 * otp-java is shaded into this jar and relocated to {@code dev.txauth.shaded.otp}.
 */
final class TotpCode {

    private TotpCode() {
    }

    static boolean matches(byte[] key, String algorithm, int digits, int period, int window, String code, Instant now) {
        if (digits < 6 || digits > 8 || period < 1 || code.length() != digits) {
            return false;
        }
        // otp-java base32-decodes whatever secret it is given, so hand it the base32 text of the raw key.
        byte[] base32 = base32(key);
        TOTPGenerator generator = new TOTPGenerator.Builder(base32)
                .withHOTPGenerator(b -> b.withPasswordLength(digits).withAlgorithm(algorithm(algorithm)))
                .withPeriod(Duration.ofSeconds(period))
                .withClock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        return generator.verify(code, window);
    }

    private static HMACAlgorithm algorithm(String keycloakName) {
        return switch (keycloakName == null ? "HmacSHA1" : keycloakName) {
            case "HmacSHA256" -> HMACAlgorithm.SHA256;
            case "HmacSHA512" -> HMACAlgorithm.SHA512;
            default -> HMACAlgorithm.SHA1;
        };
    }

    /** RFC 4648 base32 without padding (otp-java's decoder accepts it). */
    static byte[] base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
