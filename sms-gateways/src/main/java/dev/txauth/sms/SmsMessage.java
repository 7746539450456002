package dev.txauth.sms;

import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.text.Gsm7;

import java.util.Objects;

/**
 * One SMS to send. The text must be GSM-7 and fit one 160-septet segment (docs/api.md §9): a longer or Unicode text
 * would be billed as several messages, which is how SMS pumping burns money, so it is refused here, before any gateway.
 * {@link #toString()} shows neither the number nor the text, so passing a message to a logger leaks nothing.
 */
public record SmsMessage(E164Number to, String text) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || !Gsm7.fitsOneSegment(text)) {
            throw new IllegalArgumentException("SMS text must be non-empty GSM-7 within one 160-septet segment");
        }
    }

    @Override
    public String toString() {
        return "SmsMessage[to=" + to + ", text=" + text.length() + " chars]";
    }
}
