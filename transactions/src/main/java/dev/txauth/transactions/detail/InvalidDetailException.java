package dev.txauth.transactions.detail;

/**
 * A {@code payment_initiation} detail that breaks a rule. The message names the rule for the calling service's logs;
 * it must never be shown to the paying user (PSD2 RTS Art. 4: errors do not say which element was wrong).
 */
public class InvalidDetailException extends Exception {

    public InvalidDetailException(String message) {
        super(message, null, false, false);
    }
}
