package dev.txauth.testkit.users;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TestUsersTest {

    @Test
    void phoneMustBeE164BeforeAnyUserIsCreated() {
        for (String notE164 : new String[]{"08031234567", "+0803123456", "+234 803 123 4567", "+23480312345678901"}) {
            assertThrows(IllegalArgumentException.class, () -> TestUsers.user(null, "p").phone(notE164, true),
                    notE164);
        }
        assertDoesNotThrow(() -> TestUsers.user(null, "p").phone("+2348031234567", true));
    }
}
