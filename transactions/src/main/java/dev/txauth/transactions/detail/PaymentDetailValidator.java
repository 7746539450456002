package dev.txauth.transactions.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.model.PaymentInitiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict validation of a {@code payment_initiation} detail as a payment service registers it: every member is known,
 * of the right JSON type and valid; nothing else is accepted at any level (RFC 9396 section 5).
 * <p>
 * Text fields refuse control characters (C0, DEL, C1: line breaks, escapes, NUL) because they have no business in a
 * payee name and can forge log lines or break layouts. Format characters (zero-width, bidi controls) are accepted,
 * because legitimate names in right-to-left scripts need them, and are made visible on the confirmation page instead.
 */
public final class PaymentDetailValidator {

    private static final Set<String> TOP_LEVEL = members(PaymentInitiation.PAYMENT_MEMBERS, PaymentInitiation.TYPE_MEMBER);
    private static final Set<String> AMOUNT_MEMBERS = Set.of(PaymentInitiation.CURRENCY, PaymentInitiation.AMOUNT);
    private static final Set<String> IBAN_MEMBERS = Set.of(PaymentInitiation.SCHEME, PaymentInitiation.IDENTIFICATION);
    private static final Set<String> NUBAN_MEMBERS = members(IBAN_MEMBERS, PaymentInitiation.BANK_CODE);
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,4})?");
    private static final Pattern NUBAN = Pattern.compile("[0-9]{10}");
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3,6}");
    public static final int MAX_NAME = 70;
    public static final int MAX_REMITTANCE = 140;

    private final BigDecimal maxAmount;

    /** @param maxAmount the largest amount accepted, in major units of any currency */
    public PaymentDetailValidator(BigDecimal maxAmount) {
        this.maxAmount = maxAmount;
    }

    public PaymentDetail validate(JsonNode detail) throws InvalidDetailException {
        requireObject(detail, "authorization_details", TOP_LEVEL);
        if (!PaymentInitiation.TYPE.equals(text(detail, "type", true))) {
            throw new InvalidDetailException("type must be payment_initiation");
        }
        JsonNode instructed = detail.get("instructedAmount");
        requireObject(instructed, "instructedAmount", AMOUNT_MEMBERS);
        String currency = text(instructed, "currency", true);
        OptionalInt minorUnits = CurrencyTable.minorUnits(currency);
        if (minorUnits.isEmpty()) {
            throw new InvalidDetailException("instructedAmount.currency is not an active ISO 4217 code");
        }
        String amount = normalizeAmount(text(instructed, "amount", true), minorUnits.getAsInt());

        String name = boundedText(detail, "creditorName", MAX_NAME, true);

        JsonNode account = detail.get("creditorAccount");
        if (account == null || !account.isObject()) {
            throw new InvalidDetailException("creditorAccount must be an object");
        }
        String scheme = text(account, "scheme", true);
        String identification;
        String bankCode = null;
        switch (scheme) {
            case "NUBAN" -> {
                requireObject(account, "creditorAccount", NUBAN_MEMBERS);
                identification = text(account, "identification", true);
                if (!NUBAN.matcher(identification).matches()) {
                    throw new InvalidDetailException("creditorAccount.identification must be a 10-digit NUBAN");
                }
                bankCode = text(account, "bankCode", true);
                if (!BANK_CODE.matcher(bankCode).matches()) {
                    throw new InvalidDetailException("creditorAccount.bankCode must be 3 to 6 digits");
                }
            }
            case "IBAN" -> {
                requireObject(account, "creditorAccount", IBAN_MEMBERS);
                identification = text(account, "identification", true);
                if (!Iban.isValid(identification)) {
                    throw new InvalidDetailException("creditorAccount.identification is not a valid IBAN");
                }
            }
            default -> throw new InvalidDetailException("creditorAccount.scheme must be NUBAN or IBAN");
        }
        String remittance = boundedText(detail, "remittanceInformation", MAX_REMITTANCE, false);
        return new PaymentDetail(currency, amount, name, scheme, identification, bankCode, remittance);
    }

    /** {@code base} plus {@code more}: the sets are built from the one member list of {@link PaymentInitiation}. */
    static Set<String> members(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    private String normalizeAmount(String amount, int minorUnits) throws InvalidDetailException {
        if (!AMOUNT.matcher(amount).matches()) {
            throw new InvalidDetailException("instructedAmount.amount must be a plain decimal string");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > minorUnits) {
            throw new InvalidDetailException("instructedAmount.amount has more decimals than the currency allows");
        }
        if (value.signum() <= 0) {
            throw new InvalidDetailException("instructedAmount.amount must be greater than zero");
        }
        if (value.compareTo(maxAmount) > 0) {
            throw new InvalidDetailException("instructedAmount.amount exceeds the configured maximum");
        }
        return value.setScale(minorUnits, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static void requireObject(JsonNode node, String where, Set<String> allowed) throws InvalidDetailException {
        if (node == null || !node.isObject()) {
            throw new InvalidDetailException(where + " must be an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidDetailException(where + " has an unknown member");
            }
        }
    }

    private static String text(JsonNode parent, String name, boolean required) throws InvalidDetailException {
        JsonNode value = parent.get(name);
        if (value == null) {
            if (required) {
                throw new InvalidDetailException(name + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDetailException(name + " must be a string");
        }
        return value.textValue();
    }

    private static String boundedText(JsonNode parent, String name, int max, boolean required)
            throws InvalidDetailException {
        String value = text(parent, name, required);
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > max || value.isBlank()) {
            throw new InvalidDetailException(name + " must have 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidDetailException(name + " contains a control character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidDetailException(name + " is not valid Unicode text");
            }
        }
        return value;
    }
}
