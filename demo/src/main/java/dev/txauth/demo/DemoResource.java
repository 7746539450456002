package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.KeycloakSession;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * {@code /realms/{realm}/txauth-demo/} on the dev server (docs/demo.md): the wallet page and its files, and the
 * payment service's backend under {@code api/} — {@code POST api/payments}, {@code POST api/payments/{id}/consume},
 * {@code GET api/sms}. Only clients on this machine are served (anyone else gets the same 404 as a server without the
 * demo), and every refusal is {@code {"error","error_description"}}.
 */
public class DemoResource {

    private final KeycloakSession session;
    private final DemoSettings settings;

    DemoResource(KeycloakSession session, DemoSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Path("")
    public Response index(@Context UriInfo uri) {
        return local(() -> DemoFiles.PAGE.index(session, uri));
    }

    @GET
    @Path("{name: [A-Za-z0-9.-]+}")
    public Response file(@PathParam("name") String name) {
        return local(() -> DemoFiles.PAGE.file(session, name));
    }

    @POST
    @Path("api/payments")
    public Response pay(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return local(() -> answer(() -> {
            String amount = PaymentRequestBody.amount(contentType, PaymentRequestBody.read(body));
            return backend().register(AppCaller.authenticate(session), amount);
        }));
    }

    @POST
    @Path("api/payments/{id}/consume")
    public Response consume(@PathParam("id") String id) {
        return local(() -> answer(() -> backend().consume(AppCaller.authenticate(session), id)));
    }

    @GET
    @Path("api/sms")
    public Response sms(@QueryParam("since") String since) {
        return local(() -> answer(() -> {
            Instant from = since(since);
            AppCaller wallet = AppCaller.authenticate(session);
            return new DemoBackend.Result(200, DemoBackend.sms(wallet,
                    settings.smsOutbox().map(SmsOutbox::new).orElse(null), from));
        }));
    }

    private DemoBackend backend() {
        return new DemoBackend(new PaymentServiceCalls(settings, session.getContext().getRealm().getName()));
    }

    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DemoError(400, "invalid_request", "since must be an ISO-8601 instant");
        }
    }

    private Response answer(Supplier<DemoBackend.Result> work) {
        int status;
        JsonNode body;
        try {
            DemoBackend.Result result = work.get();
            status = result.status();
            body = result.body();
        } catch (DemoError e) {
            status = e.status();
            body = DemoBackend.error(e);
        }
        return DemoFiles.PAGE.secured(session, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString())).header("Cache-Control", "no-store").build();
    }

    /** Loopback clients only: the dev server listens on 127.0.0.1, and the demo must not outlive that. */
    private Response local(Supplier<Response> serve) {
        String address = session.getContext().getConnection().getRemoteAddr();
        try {
            if (address != null && InetAddress.getByName(address).isLoopbackAddress()) {
                return serve.get();
            }
        } catch (UnknownHostException e) {
            // not an address: refused below
        }
        return Response.status(Response.Status.NOT_FOUND).build();
    }
}
