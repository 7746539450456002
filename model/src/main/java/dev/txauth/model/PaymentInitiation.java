package dev.txauth.model;

import java.util.Optional;
import java.util.Set;

/**
 * The RFC 9396 {@code payment_initiation} type as txauth uses it (docs/api.md §3–§5): its member names, THE set of
 * payment members a registered transaction may carry, and THE rule by which an authorization request names a
 * registered transaction. The registry's validator, the confirm step's matcher, the RAR processor and the token
 * mappers all read these, so the member set cannot differ between them.
 */
public final class PaymentInitiation {

    public static final String TYPE = "payment_initiation";

    public static final String TYPE_MEMBER = "type";
    public static final String IDENTIFIER = "identifier";
    public static final String INSTRUCTED_AMOUNT = "instructedAmount";
    public static final String CREDITOR_NAME = "creditorName";
    public static final String CREDITOR_ACCOUNT = "creditorAccount";
    public static final String REMITTANCE_INFORMATION = "remittanceInformation";

    /** Members of {@link #INSTRUCTED_AMOUNT}. */
    public static final String CURRENCY = "currency";
    public static final String AMOUNT = "amount";
    /** Members of {@link #CREDITOR_ACCOUNT}. */
    public static final String SCHEME = "scheme";
    public static final String IDENTIFICATION = "identification";
    public static final String BANK_CODE = "bankCode";

    /** The payment itself: every member besides {@code type} and {@code identifier}. */
    public static final Set<String> PAYMENT_MEMBERS = Set.of(INSTRUCTED_AMOUNT, CREDITOR_NAME, CREDITOR_ACCOUNT,
            REMITTANCE_INFORMATION);

    private PaymentInitiation() {
    }

    /**
     * THE identifier rule: a member names a registered transaction when its type is {@value #TYPE} and its
     * {@code identifier} is non-blank text (docs/api.md §4: the app sends only the identifier).
     *
     * @param type       the member's {@code type}, null when absent or not text
     * @param identifier the member's {@code identifier}, null when absent or not text
     */
    public static Optional<String> identifier(String type, String identifier) {
        return TYPE.equals(type) && identifier != null && !identifier.isBlank()
                ? Optional.of(identifier) : Optional.empty();
    }
}
