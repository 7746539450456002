package dev.txauth.authenticators.enrolment;

import dev.txauth.authenticators.FlowConditionFactory;

import java.util.List;

/** Registers the condition {@code txauth-condition-enrolment} ("txauth: condition - factor enrolment"). */
public class EnrolmentConditionAuthenticatorFactory extends FlowConditionFactory {

    public static final String PROVIDER_ID = "txauth-condition-enrolment";

    public EnrolmentConditionAuthenticatorFactory() {
        super(PROVIDER_ID, "txauth: condition - factor enrolment",
                "True when the request enrols a second factor (kc_action) for a user who already has one.",
                EnrolmentConditionAuthenticator.SINGLETON, List.of());
    }
}
