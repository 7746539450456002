package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.FlowCondition;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * {@code txauth-condition-device-key}: true when the app presents a key other than the user's bound one and no second
 * factor was passed yet in this login. The realm's browser flow then asks for a second factor before the bind page
 * (docs/api.md §8): moving to a new phone always needs more than the password.
 */
public final class DeviceKeyConditionAuthenticator extends FlowCondition {

    static final DeviceKeyConditionAuthenticator SINGLETON = new DeviceKeyConditionAuthenticator();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        DeviceKey key = DeviceKey.of(context);
        return key.isOtherThanBound() && !key.secondFactor();
    }
}
