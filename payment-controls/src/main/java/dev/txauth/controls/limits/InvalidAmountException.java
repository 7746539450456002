package dev.txauth.controls.limits;

/** An amount or currency that is not one the interface accepts; the message completes "the value ...". */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String reason) {
        super(reason);
    }
}
