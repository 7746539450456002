package dev.txauth.testkit.users;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link TestUser} parameter: the fresh user also has the OIDC {@code phone_number} attribute (E.164) and
 * {@code phone_number_verified}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface WithPhone {

    /** E.164. */
    String value() default TestUsers.DEFAULT_PHONE;

    boolean verified() default true;
}
