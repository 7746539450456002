package dev.txauth.authenticators.risk;

import dev.txauth.authenticators.FlowConditionFactory;

/** Registers the condition {@code txauth-condition-risk} ("txauth: condition - risk") for conditional sub-flows. */
public class RiskConditionAuthenticatorFactory extends FlowConditionFactory {

    public static final String PROVIDER_ID = "txauth-condition-risk";

    public RiskConditionAuthenticatorFactory() {
        super(PROVIDER_ID, "txauth: condition - risk",
                "True when 'txauth: device risk' decided STEP_UP or higher in this login (or, with match=passkey, "
                        + "when a passkey is required).",
                RiskConditionAuthenticator.SINGLETON, RiskConditionConfig.PROPERTIES);
    }
}
