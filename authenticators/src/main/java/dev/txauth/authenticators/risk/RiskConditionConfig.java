package dev.txauth.authenticators.risk;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Typed view of a {@code txauth-condition-risk} execution's config: which decisions the condition matches. */
public final class RiskConditionConfig {

    public static final String MATCH = "match";
    /** STEP_UP or higher; satisfied once any second factor passed in this login. */
    public static final String MATCH_STEP_UP = "step-up";
    /** Only the payment-aware passkey step-up. */
    public static final String MATCH_PASSKEY = "passkey";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MATCH).label("Match").type(ProviderConfigProperty.LIST_TYPE)
            .options(MATCH_STEP_UP, MATCH_PASSKEY).defaultValue(MATCH_STEP_UP)
            .helpText("step-up: true when the risk decision is STEP_UP or higher and no second factor has passed yet "
                    + "in this login. passkey: true only when a large payment from an unknown device requires a passkey.")
            .add().build();

    private final String match;

    private RiskConditionConfig(String match) {
        this.match = MATCH_PASSKEY.equals(match) ? MATCH_PASSKEY : MATCH_STEP_UP;
    }

    public static RiskConditionConfig of(AuthenticatorConfigModel model) {
        return new RiskConditionConfig(model == null || model.getConfig() == null ? null
                : model.getConfig().get(MATCH));
    }

    public boolean passkeyOnly() {
        return MATCH_PASSKEY.equals(match);
    }
}
