package dev.txauth.authenticators.confirm;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionConfirmConfigTest {

    private static TransactionConfirmConfig of(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return TransactionConfirmConfig.of(model);
    }

    @Test
    void blockTimeDefaultsToFifteenMinutes() {
        assertEquals(15 * 60L, TransactionConfirmConfig.of(null).blockSeconds());
        assertEquals(15 * 60L, of(Map.of(TransactionConfirmConfig.BLOCK_MINUTES, "soon")).blockSeconds());
    }

    @Test
    void aTypoCannotSwitchTheBlockOff() {
        assertEquals(60L, of(Map.of(TransactionConfirmConfig.BLOCK_MINUTES, "0")).blockSeconds());
        assertEquals(60L, of(Map.of(TransactionConfirmConfig.BLOCK_MINUTES, "-5")).blockSeconds());
        assertEquals(1440 * 60L, of(Map.of(TransactionConfirmConfig.BLOCK_MINUTES, "999999")).blockSeconds());
        assertEquals(30 * 60L, of(Map.of(TransactionConfirmConfig.BLOCK_MINUTES, " 30 ")).blockSeconds());
    }
}
