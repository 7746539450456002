package dev.txauth.sms.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Any in-house or aggregator gateway: {@code POST {url}} with a JSON body built from a template whose
 * {@code {{to}}} (E.164), {@code {{to_digits}}} (E.164 without +) and {@code {{text}}} are replaced by JSON-escaped
 * values. Auth is a bearer token, or an HMAC-SHA256 signature the receiver can check:
 * {@code X-Txauth-Timestamp: <unix seconds>} and {@code X-Txauth-Signature: sha256=<hex HMAC(secret, timestamp + "." + body)>}
 * (the timestamp in the signed string lets the receiver refuse replays). The message id is read at a JSON pointer.
 */
public final class HttpJsonSender implements SmsSender {

    public static final String ID = "http";
    public static final String TIMESTAMP_HEADER = "X-Txauth-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Txauth-Signature";

    public enum Auth { NONE, BEARER, HMAC_SHA256 }

    public record Settings(String url, String bodyTemplate, Auth auth, String messageIdPointer) {
        public Settings {
            BodyTemplate.check(bodyTemplate);
        }
    }

    private final Settings settings;
    private final String secret;
    private final GatewayHttp http;
    private final Clock clock;

    /** @param secret the bearer token or the HMAC key, per {@link Settings#auth()}; null for {@link Auth#NONE} */
    public HttpJsonSender(Settings settings, String secret, GatewayHttp http, Clock clock) {
        this.settings = settings;
        this.secret = secret;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        String body = BodyTemplate.render(settings.bodyTemplate(), message);
        HttpRequest.Builder request = http.post(URI.create(settings.url()), "application/json", body);
        if (settings.auth() == Auth.BEARER) {
            request.header("Authorization", "Bearer " + secret);
        } else if (settings.auth() == Auth.HMAC_SHA256) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            request.header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "sha256=" + hmacHex(secret, timestamp + "." + body));
        }
        return http.exchange(ID, request.build(),
                answer -> new SmsOutcome.Sent(ID, Json.text(Json.parse(answer), settings.messageIdPointer())));
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The body template: placeholders are replaced inside JSON strings, so values are JSON-escaped, never raw. */
    static final class BodyTemplate {
        static final String DEFAULT = "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}";

        private BodyTemplate() {
        }

        static String render(String template, SmsMessage message) {
            return template.replace("{{to_digits}}", escape(message.to().digits()))
                    .replace("{{to}}", escape(message.to().value()))
                    .replace("{{text}}", escape(message.text()));
        }

        /** Refuses at start a template that would not give JSON or that leaves out the number or the text. */
        static void check(String template) {
            if (template == null || !template.contains("{{text}}")
                    || !(template.contains("{{to}}") || template.contains("{{to_digits}}"))) {
                throw new IllegalArgumentException("body-template must contain {{text}} and {{to}} or {{to_digits}}");
            }
            String sample = template.replace("{{to_digits}}", "2348000000000").replace("{{to}}", "+2348000000000")
                    .replace("{{text}}", "x\\\"y");
            try {
                Json.MAPPER.readTree(sample);
            } catch (Exception e) {
                throw new IllegalArgumentException("body-template is not JSON once filled in");
            }
        }

        private static String escape(String value) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
    }
}
