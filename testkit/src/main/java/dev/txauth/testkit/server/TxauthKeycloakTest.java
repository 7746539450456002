package dev.txauth.testkit.server;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs the real txauth Keycloak; its constructor and test methods receive the fixtures
 * {@link TxauthKeycloakExtension} lists (the server, fresh users, the payment service, browsers).
 * One server serves every such class in the test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TxauthKeycloakExtension.class)
public @interface TxauthKeycloakTest {
}
