package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.model.PaymentInitiation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A validated RFC 9396 {@code payment_initiation} detail, amount normalized to the currency's minor units.
 *
 * @param bankCode    NUBAN bank code; null for IBAN
 * @param remittance  optional remittance text; null when absent
 */
public record PaymentDetail(String currency, String amount, String creditorName, String scheme,
                            String identification, String bankCode, String remittance) {

    /** The detail as JSON; {@code identifier} (the transaction id) is included when not null. */
    public ObjectNode toJson(String identifier) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(PaymentInitiation.TYPE_MEMBER, PaymentInitiation.TYPE);
        if (identifier != null) {
            json.put("identifier", identifier);
        }
        ObjectNode instructed = json.putObject("instructedAmount");
        instructed.put("currency", currency);
        instructed.put("amount", amount);
        json.put("creditorName", creditorName);
        ObjectNode account = json.putObject("creditorAccount");
        account.put("scheme", scheme);
        account.put("identification", identification);
        if (bankCode != null) {
            account.put("bankCode", bankCode);
        }
        if (remittance != null) {
            json.put("remittanceInformation", remittance);
        }
        return json;
    }

    /** RFC 8785 form of {@link #toJson(String)}: what the user approves, what the passkey signs, what txn_hash covers. */
    public String canonical(String identifier) {
        return CanonicalJson.write(toJson(identifier));
    }

    /** {@code NUBAN:058:0123456789} or {@code IBAN:DE89370400440532013000}. */
    public String destination() {
        return bankCode == null ? scheme + ":" + identification : scheme + ":" + bankCode + ":" + identification;
    }

    /** base64url(SHA-256(canonical JSON)), no padding: the {@code txn_hash} claim. */
    public static String hash(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
