package dev.txauth.authenticators.risk;

/**
 * Registers {@code txauth-transaction-risk}: the device-risk scoring as the first step of the level-3 sub-flow, for an
 * authentication that reaches the payment confirmation on an existing SSO session (level 1 skipped, so never scored)
 * (issue 9, finding 3; docs/device-risk.md). Give it the same execution config as {@code txauth-device-risk} so both
 * placements apply one policy.
 */
public class TransactionRiskAuthenticatorFactory extends DeviceRiskAuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-transaction-risk";

    public TransactionRiskAuthenticatorFactory() {
        super(true);
    }

    @Override
    public String getDisplayType() {
        return "txauth: transaction risk";
    }

    @Override
    public String getHelpText() {
        return "Scores a payment confirmation that level 1 did not score (step-up on an SSO session) and denies it "
                + "when the policy says DENY. Put it first in the level-3 sub-flow.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
