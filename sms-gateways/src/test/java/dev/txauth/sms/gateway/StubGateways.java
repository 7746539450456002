package dev.txauth.sms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.phone.E164Number;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two real local HTTP servers (WireMock) standing in for gateways, shared by a test class and reset per test. */
public abstract class StubGateways {

    public static final String NUMBER = "+2348031234567";
    public static final String CODE = "482913";
    public static final String TEXT = "Pay NGN 50,000.00 to Ada Obi (GTBank ****6789). Code " + CODE + ". Never share it.";

    protected static WireMockServer primary;
    protected static WireMockServer secondary;

    @BeforeAll
    static void startServers() {
        primary = new WireMockServer(options().dynamicPort());
        secondary = new WireMockServer(options().dynamicPort());
        primary.start();
        secondary.start();
    }

    @AfterAll
    static void stopServers() {
        primary.stop();
        secondary.stop();
    }

    @BeforeEach
    void resetServers() {
        primary.resetAll();
        secondary.resetAll();
    }

    protected static SmsMessage message() {
        return new SmsMessage(new E164Number(NUMBER), TEXT);
    }

    /**
     * For stubs that do answer: generous, because the first request to a fresh WireMock on a loaded 2-core CI machine
     * took over 2 s. Tests of the timeout itself pass their own short value.
     */
    protected static final int ANSWER_TIMEOUT_MS = 15_000;

    protected static GatewayHttp http(int timeoutMs) {
        return new GatewayHttp(Duration.ofMillis(1000), Duration.ofMillis(timeoutMs));
    }

    /** The one request a stub received. */
    protected static LoggedRequest onlyRequest(WireMockServer server) {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, requests.size(), "requests received");
        return requests.get(0);
    }

    /** An x-www-form-urlencoded body as an ordered map, to compare with what the gateway documents, field by field. */
    protected static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
