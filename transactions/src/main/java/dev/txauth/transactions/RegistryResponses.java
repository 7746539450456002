package dev.txauth.transactions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The registry's JSON answers: {@code {"error": ..., "error_description": ...}} for every refusal (docs/api.md §3). */
final class RegistryResponses {

    private RegistryResponses() {
    }

    static Response json(Response.Status status, ObjectNode body) {
        return json(status.getStatusCode(), body);
    }

    /** Also for {@code 422}, which JAX-RS has no constant for. */
    static Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    static Response error(Response.Status status, String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return json(status, body);
    }

    static Response unauthorized() {
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, "invalid_token",
                        "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    static Response forbidden() {
        return error(Response.Status.FORBIDDEN, "insufficient_scope",
                "The caller lacks the txauth-transaction-initiator role");
    }

    static Response notFound() {
        return error(Response.Status.NOT_FOUND, "not_found", "No such transaction");
    }
}
