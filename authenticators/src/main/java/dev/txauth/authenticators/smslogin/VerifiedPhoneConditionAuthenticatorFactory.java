package dev.txauth.authenticators.smslogin;

import dev.txauth.authenticators.FlowConditionFactory;

import java.util.List;

/** Registers the condition {@code txauth-condition-verified-phone} ("txauth: condition - verified phone"). */
public class VerifiedPhoneConditionAuthenticatorFactory extends FlowConditionFactory {

    public static final String PROVIDER_ID = "txauth-condition-verified-phone";

    public VerifiedPhoneConditionAuthenticatorFactory() {
        super(PROVIDER_ID, "txauth: condition - verified phone",
                "True when the user's phone_number is verified and an SMS gateway is configured; guards the sub-flow "
                        + "of 'txauth: SMS sign-in code'.",
                VerifiedPhoneConditionAuthenticator.SINGLETON, List.of());
    }
}
