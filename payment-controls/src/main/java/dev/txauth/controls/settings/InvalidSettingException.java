package dev.txauth.controls.settings;

/** A settings change that cannot be applied; the message names the key and why (the 400's error_description). */
public class InvalidSettingException extends IllegalArgumentException {

    public InvalidSettingException(String reason) {
        super(reason);
    }

    /** The same reason, prefixed with the setting it is about. */
    InvalidSettingException about(String key) {
        return new InvalidSettingException(key + ": " + getMessage());
    }
}
