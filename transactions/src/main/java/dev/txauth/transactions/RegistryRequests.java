package dev.txauth.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/** Request checks the registry makes before it parses anything: media type, size, envelope members. */
final class RegistryRequests {

    private RegistryRequests() {
    }

    static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    && !MediaType.valueOf(contentType).isWildcardType()
                    && !MediaType.valueOf(contentType).isWildcardSubtype();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The body, or null when it is larger than the limit: never buffers more than limit + 1 bytes. */
    static byte[] readLimited(String contentLength, InputStream body) {
        try {
            if (contentLength != null && Long.parseLong(contentLength.trim()) > TransactionSettings.MAX_BODY_BYTES) {
                return null;
            }
        } catch (NumberFormatException ignored) {
            // a broken header: the byte count below decides
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(TransactionSettings.MAX_BODY_BYTES + 1);
            return bytes.length > TransactionSettings.MAX_BODY_BYTES ? null : bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the request body", e);
        }
    }

    static boolean onlyKnownMembers(JsonNode request, Set<String> allowed) {
        Iterator<String> names = request.fieldNames();
        while (names.hasNext()) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
