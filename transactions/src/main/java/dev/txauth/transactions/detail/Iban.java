package dev.txauth.transactions.detail;

/** IBAN syntax and ISO 13616 / ISO 7064 mod-97-10 check, electronic format only (no spaces, upper case). */
public final class Iban {

    private Iban() {
    }

    public static boolean isValid(String iban) {
        if (iban == null || iban.length() < 15 || iban.length() > 34 || !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            // Letters expand to two digits; fold them in one at a time so the remainder never overflows.
            remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }
}
