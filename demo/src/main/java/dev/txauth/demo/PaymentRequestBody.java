package dev.txauth.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The wallet's "pay" request to the demo backend, {@code {"amount":"5000.00"}} (NGN to the demo payee): at most 4 KiB,
 * JSON, an object with a decimal amount; anything else is refused with a message saying what was wrong, before any
 * token is looked at or any call is made.
 */
final class PaymentRequestBody {

    static final int MAX_BYTES = 4096;
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PaymentRequestBody() {
    }

    /** Reads at most {@link #MAX_BYTES}; more → 413. */
    static byte[] read(InputStream in) {
        try {
            byte[] body = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new DemoError(413, "invalid_request", "The body is larger than " + MAX_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new DemoError(400, "invalid_request", "The body could not be read");
        }
    }

    /** The amount to pay, checked: the registry checks it again against docs/api.md §3. */
    static String amount(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new DemoError(415, "invalid_request", "Send Content-Type: application/json");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DemoError(400, "invalid_request", "The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new DemoError(400, "invalid_request", "The body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new DemoError(400, "invalid_request", "The body must be a JSON object like {\"amount\":\"5000.00\"}");
        }
        JsonNode amount = json.get("amount");
        if (amount == null || !amount.isTextual() || !AMOUNT.matcher(amount.asText()).matches()) {
            throw new DemoError(400, "invalid_request", "\"amount\" must be a decimal string like \"5000.00\"");
        }
        return amount.asText();
    }
}
