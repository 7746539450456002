package dev.txauth.sms.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;

/**
 * Termii's Messaging API: {@code POST {base}/api/sms/send}, JSON
 * {@code {"to":"2348031234567","from":<sender id>,"sms":<text>,"type":"plain","channel":"dnd","api_key":<key>}}
 * (the key travels in the body, as Termii documents); the answer carries {@code message_id}. Channel {@code dnd} by
 * default: Termii reserves {@code generic} for promotional traffic, which misses DND-listed numbers.
 */
public final class TermiiSender implements SmsSender {

    public static final String ID = "termii";

    public record Settings(String baseUrl, String from, String channel) {
    }

    private final Settings settings;
    private final String apiKey;
    private final GatewayHttp http;

    public TermiiSender(Settings settings, String apiKey, GatewayHttp http) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.http = http;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("to", message.to().digits())
                .put("from", settings.from())
                .put("sms", message.text())
                .put("type", "plain")
                .put("channel", settings.channel())
                .put("api_key", apiKey);
        return http.exchange(ID, http.post(GatewayHttp.resolve(settings.baseUrl(), "/api/sms/send"),
                        "application/json", body.toString()).build(),
                answer -> new SmsOutcome.Sent(ID, Json.text(Json.parse(answer), "/message_id")));
    }
}
