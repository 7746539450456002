package dev.txauth.sms.phone;

/** A phone number that cannot receive SMS. The message never repeats the number. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    public InvalidPhoneNumberException(String reason) {
        super(reason);
    }
}
