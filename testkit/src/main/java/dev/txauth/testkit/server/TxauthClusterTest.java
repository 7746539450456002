package dev.txauth.testkit.server;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs two real txauth nodes in one cluster: its constructor and test methods receive the
 * {@link TxauthCluster} and fresh {@code TestUser}s (created through node 1, with {@code @WithTotp}, {@code @WithPhone},
 * {@code @WithPasskey} as in {@link TxauthKeycloakTest}). One cluster serves every such class in the test JVM.
 * <p>
 * Tagged {@value #TAG}: the build runs these classes in a failsafe execution (and JVM) of their own, after the
 * single-server ITs, so the two kinds of server never share a JVM (integration-tests/pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TxauthClusterTest.TAG)
@ExtendWith(TxauthClusterExtension.class)
public @interface TxauthClusterTest {

    String TAG = "cluster";
}
