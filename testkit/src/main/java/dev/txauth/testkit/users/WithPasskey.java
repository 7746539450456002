package dev.txauth.testkit.users;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link TestUser} parameter: the fresh user also has a {@link SoftwarePasskey} registered as WebAuthn second factor ({@link TestUser#passkey()}). */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface WithPasskey {
}
