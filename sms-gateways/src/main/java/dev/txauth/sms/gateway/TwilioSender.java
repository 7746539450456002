package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twilio's Message resource: {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * {@code To}, {@code From} (or {@code MessagingServiceSid}), {@code Body}, HTTP Basic auth {@code AccountSid:AuthToken};
 * a 201 answer carries the message {@code sid}.
 *
 * @see Settings exactly one of {@code from} and {@code messagingServiceSid} is set
 */
public final class TwilioSender implements SmsSender {

    public static final String ID = "twilio";

    public record Settings(String baseUrl, String accountSid, String from, String messagingServiceSid) {
    }

    private final Settings settings;
    private final String authorization;
    private final GatewayHttp http;

    public TwilioSender(Settings settings, String authToken, GatewayHttp http) {
        this.settings = settings;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.accountSid() + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to().value());
        if (settings.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", settings.messagingServiceSid());
        } else {
            form.put("From", settings.from());
        }
        form.put("Body", message.text());
        String path = "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json";
        return http.exchange(ID, http.post(GatewayHttp.resolve(settings.baseUrl(), path),
                        "application/x-www-form-urlencoded", GatewayHttp.form(form))
                        .header("Authorization", authorization).build(),
                answer -> new SmsOutcome.Sent(ID, Json.text(Json.parse(answer), "/sid")));
    }
}
