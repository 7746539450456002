package dev.txauth.mappers.acr;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code acr} a token may claim when it is not the one token bound to an approval: the highest level below the
 * transaction level that this session reached (docs/api.md §5). A transaction level is a single approval, not a state
 * of the session, so a refresh falls back to what the session holds without it: {@code mfa} when the session ever
 * passed the second factor (every level-3 confirmation passes level 2 first), else {@code login}.
 */
public final class RefreshLevel {

    private RefreshLevel() {
    }

    /**
     * @param acrLevels        the realm's (or client's) acr → LoA map, e.g. login=1, mfa=2, transaction=3
     * @param transactionAcr   the acr of the per-transaction level
     * @param levelsReached    the levels this user session authenticated (Keycloak's LoA map keys)
     * @return the acr to claim instead, or empty when the transaction acr is not in the map (nothing to lower)
     */
    public static Optional<String> below(Map<String, Integer> acrLevels, String transactionAcr,
                                         Collection<Integer> levelsReached) {
        Integer transactionLevel = acrLevels.get(transactionAcr);
        if (transactionLevel == null) {
            return Optional.empty();
        }
        String best = null;
        int bestLevel = Integer.MIN_VALUE;
        String lowest = null;
        int lowestLevel = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> entry : acrLevels.entrySet()) {
            int level = entry.getValue();
            if (level >= transactionLevel) {
                continue;
            }
            if (level < lowestLevel) {
                lowestLevel = level;
                lowest = entry.getKey();
            }
            if (levelsReached.contains(level) && level > bestLevel) {
                bestLevel = level;
                best = entry.getKey();
            }
        }
        // A session always holds at least the lowest named level (it logged in); when no level is named below the
        // transaction level there is nothing truthful to claim but the number Keycloak itself would print.
        return Optional.of(best != null ? best : lowest != null ? lowest : String.valueOf(transactionLevel - 1));
    }
}
