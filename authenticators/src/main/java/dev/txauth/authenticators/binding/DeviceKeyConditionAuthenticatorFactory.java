package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.FlowConditionFactory;

import java.util.List;

/** Registers the condition {@code txauth-condition-device-key} ("txauth: condition - another phone"). */
public class DeviceKeyConditionAuthenticatorFactory extends FlowConditionFactory {

    public static final String PROVIDER_ID = "txauth-condition-device-key";

    public DeviceKeyConditionAuthenticatorFactory() {
        super(PROVIDER_ID, "txauth: condition - another phone",
                "True when the app's DPoP key (dpop_jkt) is not the user's bound one and no second factor was "
                        + "passed yet.",
                DeviceKeyConditionAuthenticator.SINGLETON, List.of());
    }
}
