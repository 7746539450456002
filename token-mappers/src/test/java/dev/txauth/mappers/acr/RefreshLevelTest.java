package dev.txauth.mappers.acr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshLevelTest {

    private static final Map<String, Integer> LEVELS = Map.of("login", 1, "mfa", 2, "transaction", 3);

    @Test
    void sessionThatPassedTheSecondFactorClaimsMfa() {
        assertEquals(Optional.of("mfa"), RefreshLevel.below(LEVELS, "transaction", List.of(1, 2, 3)));
        assertEquals(Optional.of("mfa"), RefreshLevel.below(LEVELS, "transaction", List.of(2, 3)));
    }

    @Test
    void sessionWithoutTheSecondFactorClaimsLogin() {
        assertEquals(Optional.of("login"), RefreshLevel.below(LEVELS, "transaction", List.of(1, 3)));
        assertEquals(Optional.of("login"), RefreshLevel.below(LEVELS, "transaction", List.of()));
    }

    @Test
    void neverClaimsTheTransactionLevelOrAbove() {
        Map<String, Integer> withHigher = Map.of("login", 1, "mfa", 2, "transaction", 3, "gold", 4);
        assertEquals(Optional.of("mfa"), RefreshLevel.below(withHigher, "transaction", List.of(1, 2, 3, 4)));
    }

    @Test
    void nothingToLowerWhenTheMapHasNoTransactionLevel() {
        assertEquals(Optional.empty(), RefreshLevel.below(Map.of("login", 1), "transaction", List.of(1)));
    }

    @Test
    void numberWhenNoLevelIsNamedBelow() {
        assertEquals(Optional.of("2"), RefreshLevel.below(Map.of("transaction", 3), "transaction", List.of(3)));
    }
}
