package dev.txauth.audit;

import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditEventMapperTest {

    private static Event userEvent(EventType type, Map<String, String> details) {
        Event e = new Event();
        e.setId("kc-id");
        e.setTime(1_700_000_000_000L);
        e.setType(type);
        e.setRealmId("realm");
        e.setClientId("mobile-app");
        e.setUserId("user-1");
        e.setSessionId("sess-1");
        e.setIpAddress("10.1.2.3");
        e.setDetails(new HashMap<>(details));
        return e;
    }

    @Test
    void txauthEventsGetTheirOwnTypeAndTransactionId() {
        AuditRecord r = AuditEventMapper.user(userEvent(EventType.CUSTOM_REQUIRED_ACTION, Map.of(
                "txauth_event", "transaction_approved", "transaction_id", "tx-42", "otp", "123456")));
        assertEquals("TXAUTH_TRANSACTION_APPROVED", r.type());
        assertEquals("tx-42", r.transactionId());
        assertEquals("TRANSACTION", r.resourceType());
        assertEquals("transactions/tx-42", r.resourcePath());
        assertEquals("CUSTOM_REQUIRED_ACTION", r.details().get("keycloak_type"));
        assertEquals(Redactor.REDACTED, r.details().get("otp"));
        assertEquals(AuditRecord.SUCCESS, r.outcome());

        Event declined = userEvent(EventType.CUSTOM_REQUIRED_ACTION_ERROR, Map.of("txauth_event",
                "transaction_declined", "transaction_id", "tx-43"));
        declined.setError("access_denied");
        AuditRecord d = AuditEventMapper.user(declined);
        assertEquals("TXAUTH_TRANSACTION_DECLINED", d.type());
        assertEquals(AuditRecord.FAILURE, d.outcome());
        assertEquals("access_denied", d.error());
    }

    @Test
    void userEventsKeepKeycloakTypeAndGetAFreshIdEachTime() {
        Event login = userEvent(EventType.LOGIN, Map.of("username", "ada"));
        AuditRecord a = AuditEventMapper.user(login);
        AuditRecord b = AuditEventMapper.user(login);
        assertEquals("LOGIN", a.type());
        assertEquals("users/user-1", a.resourcePath());
        assertNotEquals("kc-id", a.eventId());
        assertNotEquals(a.eventId(), b.eventId(), "one id per received event");
        assertEquals(AuditRecord.FAILURE, AuditEventMapper.user(userEvent(EventType.LOGIN_ERROR, Map.of())).outcome());
    }

    @Test
    void sessionRevocationsAreRecognisable() {
        assertEquals("ADMIN_USER_LOGOUT", AuditEventMapper.adminType(OperationType.ACTION, "USER", "users/u1/logout"));
        assertEquals("ADMIN_SESSION_REVOKE", AuditEventMapper.adminType(OperationType.DELETE, "USER_SESSION",
                "sessions/s1"));
        assertEquals("ADMIN_REALM_LOGOUT_ALL", AuditEventMapper.adminType(OperationType.ACTION, "REALM", "logout-all"));
        assertEquals("ADMIN_PUSH_REVOCATION", AuditEventMapper.adminType(OperationType.ACTION, "REALM",
                "push-revocation"));
        assertEquals("ADMIN_CREATE_USER", AuditEventMapper.adminType(OperationType.CREATE, "USER", "users/u1"));
    }

    @Test
    void adminEventsNameTheActorTheTargetAndLeaveRepresentationOutUnlessAsked() {
        AdminEvent e = new AdminEvent();
        e.setTime(1_700_000_000_000L);
        e.setRealmId("realm");
        e.setOperationType(OperationType.DELETE);
        e.setResourceType(ResourceType.USER_SESSION);
        e.setResourcePath("sessions/s-9");
        e.setRepresentation("{\"password\":\"hunter2\"}");
        AuthDetails auth = new AuthDetails();
        auth.setUserId("admin-1");
        auth.setRealmId("master-id");
        auth.setClientId("admin-cli-uuid");
        auth.setIpAddress("10.0.0.9");
        e.setAuthDetails(auth);
        AuditRecord r = AuditEventMapper.admin(e, false);
        assertEquals("ADMIN_SESSION_REVOKE", r.type());
        assertEquals("admin-1", r.userId());
        assertEquals("s-9", r.sessionId());
        assertEquals("10.0.0.9", r.ipAddress());
        assertEquals("master-id", r.details().get("auth_realm_id"));
        assertNull(r.details().get("representation"));
        AuditRecord withRep = AuditEventMapper.admin(e, true);
        assertFalse(withRep.details().get("representation").contains("hunter2"));

        e.setOperationType(OperationType.ACTION);
        e.setResourceType(ResourceType.USER);
        e.setResourcePath("users/u-7/logout");
        assertEquals("u-7", AuditEventMapper.admin(e, false).targetUserId());
    }
}
