package dev.txauth.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.model.PaymentInitiation;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The transaction an authentication approved, as the confirm authenticator left it on the client session: its id, the
 * RFC 8785 canonical detail (including {@code identifier}) and {@code txn_hash} = base64url(SHA-256(canonical)).
 */
public record ApprovedTransaction(String id, String canonicalDetail, String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode detail() {
        try {
            return JSON.readTree(canonicalDetail);
        } catch (IOException e) {
            throw new UncheckedIOException("Approved detail is not JSON", e);
        }
    }

    /** {@code NUBAN:058:0123456789}, {@code IBAN:DE89...}: scheme, bank code when there is one, account. */
    public String destination() {
        JsonNode account = detail().path(PaymentInitiation.CREDITOR_ACCOUNT);
        String bank = account.path(PaymentInitiation.BANK_CODE).asText("");
        return account.path(PaymentInitiation.SCHEME).asText() + ":" + (bank.isEmpty() ? "" : bank + ":")
                + account.path(PaymentInitiation.IDENTIFICATION).asText();
    }
}
