package dev.txauth.authenticators.throttle;

import dev.txauth.controls.settings.Setting;
import dev.txauth.controls.settings.SettingsStore;
import dev.txauth.controls.settings.TxauthSettings;
import dev.txauth.risk.CounterKey;
import dev.txauth.risk.CounterReadMemo;
import dev.txauth.risk.LoginCounterStore;
import dev.txauth.risk.LoginThrottle;
import dev.txauth.risk.MinuteBuckets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what the throttle rule ({@link LoginThrottle}) needs for one attempt: the realm's limits from the txauth
 * settings (docs/api.md §10; a Keycloak component, cached in the realm cache and invalidated cluster-wide on change)
 * and the cluster-wide failure counts of the client IP and of (IP, account), in ONE read of
 * {@code txauth_login_counter} — on a password POST with a known account also the risk step's counts of that user
 * ({@link CounterReadMemo}), so the risk step that follows reads nothing. The account is resolved the way Keycloak's
 * form resolves it (username or email), so typing the email instead of the username does not open a second
 * allowance; a name with no account counts by its hash, exactly as the counting listener stores it.
 */
final class LoginThrottleCheck {

    private LoginThrottleCheck() {
    }

    /** @param username what the form posted, or null on the first display of the form (per-IP limit only) */
    static LoginThrottle.Verdict check(KeycloakSession session, RealmModel realm, String ip, String username) {
        TxauthSettings settings = SettingsStore.read(realm);
        LoginThrottle throttle = new LoginThrottle(settings.whole(Setting.THROTTLE_PER_IP_AND_USERNAME),
                settings.whole(Setting.THROTTLE_PER_IP), settings.whole(Setting.THROTTLE_WINDOW_MINUTES));
        long now = System.currentTimeMillis();
        List<CounterKey> keys = new ArrayList<>(2);
        CounterKey ipKey = CounterKey.ipFailures(ip);
        keys.add(ipKey);
        CounterKey pairKey = null;
        long firstMinute = MinuteBuckets.firstInWindow(now, throttle.windowMinutes());
        if (username != null) {
            UserModel user = KeycloakModelUtils.findUserByNameOrEmail(session, realm, username.trim());
            pairKey = CounterKey.ipUserFailures(ip, user == null ? null : user.getId(), username);
            keys.add(pairKey);
            if (user != null) {
                // The risk step after the password reads this user's counts: one statement serves both.
                keys = CounterReadMemo.riskKeysAlongside(keys, ip, user.getId());
                firstMinute = CounterReadMemo.firstMinuteForBoth(now, throttle.windowMinutes());
            }
        }
        Map<CounterKey, Map<Long, Integer>> counts = new LoginCounterStore(session).read(realm.getId(), keys,
                firstMinute);
        return throttle.check(counts.getOrDefault(ipKey, Map.of()),
                pairKey == null ? null : counts.getOrDefault(pairKey, Map.of()), now);
    }
}
