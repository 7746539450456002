package dev.txauth.testkit.server;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithPasskey;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/**
 * Starts the txauth Keycloak once per test JVM and injects what a story needs into test constructors and methods, the
 * way Keycloak's own test framework injects realms, users and pages:
 * <ul>
 *   <li>{@link TxauthServer} — the one shared server;</li>
 *   <li>{@link TestUser} — a fresh user per parameter, with {@link WithTotp}, {@link WithPasskey} and/or
 *       {@link WithPhone} adding factors and attributes;</li>
 *   <li>{@link PaymentService}, {@link PaymentJourney} — the payment service and the shared way to a confirmation
 *       page;</li>
 *   <li>{@link AuthorizationClient} — a fresh browser + app (own cookies, own address);</li>
 *   <li>{@link ChromeBrowser} — a real headless Chromium, closed when the test (or class, for a constructor) ends;</li>
 *   <li>{@link AuditTable}, {@link DeviceRiskSupport} — readers of the audit table and the device-risk state.</li>
 * </ul>
 * {@code -Dtxauth.server=testcontainers} runs the same tests against testcontainers-keycloak instead (needs Docker;
 * without it those test classes are reported as skipped with the reason, never passed). The default is the
 * distribution, which needs nothing but a JDK.
 */
public class TxauthKeycloakExtension implements ParameterResolver, ExecutionCondition {

    private static final String KEY = TxauthServer.class.getName();
    private static final Set<Class<?>> INJECTED = Set.of(TxauthServer.class, TestUser.class, PaymentService.class,
            PaymentJourney.class, AuthorizationClient.class, ChromeBrowser.class, AuditTable.class,
            DeviceRiskSupport.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (usesContainers() && !ContainerServer.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(
                    "SKIPPED: -Dtxauth.server=testcontainers needs a Docker engine and none is reachable");
        }
        return ConditionEvaluationResult.enabled("txauth server backend: " + backend());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TxauthServer server = server(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TxauthServer.class) {
            return server;
        }
        if (type == TestUser.class) {
            return user(server, parameter, context);
        }
        if (type == PaymentService.class) {
            return new PaymentService(server);
        }
        if (type == PaymentJourney.class) {
            return new PaymentJourney(server, new PaymentService(server));
        }
        if (type == AuditTable.class) {
            return new AuditTable(server);
        }
        if (type == DeviceRiskSupport.class) {
            return new DeviceRiskSupport(server);
        }
        if (type == AuthorizationClient.class) {
            return server.newBrowser();
        }
        ChromeBrowser chrome = ChromeBrowser.start();
        context.getStore(ExtensionContext.Namespace.create(getClass(), parameter.getIndex()))
                .put(ChromeBrowser.class, (ExtensionContext.Store.CloseableResource) chrome::close);
        return chrome;
    }

    /** A fresh user named after the test (method, or class for a constructor), with the factors its annotations ask. */
    static TestUser user(TxauthServer server, ParameterContext parameter, ExtensionContext context) {
        String prefix = context.getTestMethod().map(m -> m.getName())
                .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
        TestUsers user = TestUsers.user(server, prefix.length() > 24 ? prefix.substring(0, 24) : prefix);
        if (parameter.isAnnotated(WithTotp.class)) {
            user.totp();
        }
        if (parameter.isAnnotated(WithPasskey.class)) {
            user.passkey(new SoftwarePasskey());
        }
        parameter.findAnnotation(WithPhone.class).ifPresent(phone -> user.phone(phone.value(), phone.verified()));
        return user.create();
    }

    private static TxauthServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, key -> new ClosingServer(startServer()), ClosingServer.class).server();
    }

    private static String backend() {
        return System.getProperty("txauth.server", "distribution");
    }

    private static boolean usesContainers() {
        return backend().equals("testcontainers");
    }

    private static TxauthServer startServer() {
        String backend = backend();
        return switch (backend) {
            case "distribution" -> DistributionServer.start();
            case "testcontainers" -> ContainerServer.start();
            default -> throw new IllegalArgumentException("txauth.server must be distribution or testcontainers, not "
                    + backend);
        };
    }

    /** Lets JUnit stop the server when the root context closes, i.e. when the test JVM is done. */
    private record ClosingServer(TxauthServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            if (server instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
