package dev.txauth.authenticators.confirm.code;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a confirmation code reaches the user (docs/api.md §9): the value of the hidden {@code factor} input, the
 * submit that sends it, and the approval's {@code method}.
 */
public enum CodeChannel {
    SMS("sms", "send_sms"),
    EMAIL("email", "send_email");

    private final String factor;
    private final String sendSubmit;

    CodeChannel(String factor, String sendSubmit) {
        this.factor = factor;
        this.sendSubmit = sendSubmit;
    }

    /** {@code sms} | {@code email}: the hidden input, the stored channel and the approval's method. */
    public String factor() {
        return factor;
    }

    /** The name of the submit button that asks for a code by this channel. */
    public String sendSubmit() {
        return sendSubmit;
    }

    public static Optional<CodeChannel> ofFactor(String value) {
        return Arrays.stream(values()).filter(c -> c.factor.equals(value)).findFirst();
    }
}
