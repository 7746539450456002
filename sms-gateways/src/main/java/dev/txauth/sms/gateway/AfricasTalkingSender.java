package dev.txauth.sms.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Africa's Talking bulk SMS: {@code POST {base}/version1/messaging}, form-encoded {@code username}, {@code to}
 * (E.164), {@code message}, optional {@code from}; the key in header {@code apiKey}; {@code Accept: application/json}
 * (the default answer is XML). A 201 still reports per recipient in {@code SMSMessageData.Recipients[].statusCode}:
 * 100/101/102 (processed, sent, queued) are sent; the gateway's own trouble — 405 insufficient balance, 407 could not
 * route, 500/501/502 — fails over; every other code (invalid number, blacklisted, DND, risk hold) is a rejection.
 */
public final class AfricasTalkingSender implements SmsSender {

    public static final String ID = "africastalking";
    private static final Set<Integer> ACCEPTED = Set.of(100, 101, 102);
    private static final Set<Integer> GATEWAY_TROUBLE = Set.of(405, 407, 500, 501, 502);

    /** @param from registered short code or alphanumeric sender id; null = the account's default */
    public record Settings(String baseUrl, String username, String from) {
    }

    private final Settings settings;
    private final String apiKey;
    private final GatewayHttp http;

    public AfricasTalkingSender(Settings settings, String apiKey, GatewayHttp http) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.http = http;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", settings.username());
        form.put("to", message.to().value());
        form.put("message", message.text());
        if (settings.from() != null) {
            form.put("from", settings.from());
        }
        return http.exchange(ID, http.post(GatewayHttp.resolve(settings.baseUrl(), "/version1/messaging"),
                        "application/x-www-form-urlencoded", GatewayHttp.form(form)).header("apiKey", apiKey).build(),
                AfricasTalkingSender::read);
    }

    private static SmsOutcome read(String body) {
        JsonNode recipient = Json.parse(body).at("/SMSMessageData/Recipients/0");
        if (recipient.isMissingNode()) {
            return new SmsOutcome.Rejected(ID, "no-recipient");
        }
        int status = recipient.path("statusCode").asInt(-1);
        if (ACCEPTED.contains(status)) {
            return new SmsOutcome.Sent(ID, Json.text(recipient, "/messageId"));
        }
        if (GATEWAY_TROUBLE.contains(status)) {
            return SmsOutcome.Failed.of(ID, SmsOutcome.Reason.SERVER_ERROR, "status-" + status);
        }
        return new SmsOutcome.Rejected(ID, "status-" + status);
    }
}
