package dev.txauth.controls.limits;

/**
 * The user's approved totals in the payment's currency, read by the caller from the per-user ledger: inside the
 * current cooling window (since the device was bound or the account created), and today (a calendar day in the realm's
 * {@code daily_limit_zone}, see {@link DailyWindow}). Declined, expired and locked transactions are in neither
 * total.
 */
public record LedgerSnapshot(Amount approvedInCoolingWindow, Amount approvedToday) {

    public static LedgerSnapshot empty(String currency) {
        return new LedgerSnapshot(Amount.zero(currency), Amount.zero(currency));
    }
}
