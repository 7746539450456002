package dev.txauth.risk;

/**
 * What a row of {@code txauth_login_counter} counts (column {@code kind}). The per-IP kinds serve the throttle of
 * docs/api.md §10, whose window may be set up to a day; the per-user kinds serve only the risk signals, whose windows
 * are at most {@link RiskConfig#MAX_WINDOW_MINUTES}. Each kind is purged past its own retention.
 */
public enum CounterKind {

    /** Wrong credentials from one client IP (IPv6: its /64), any username. */
    IP_FAILURES("ip", CounterKind.THROTTLE_RETENTION_MINUTES),
    /** Wrong credentials from one client IP for one account (or one unknown username). */
    IP_USER_FAILURES("ip_user", CounterKind.THROTTLE_RETENTION_MINUTES),
    /** Wrong credentials for one user, from anywhere. */
    USER_FAILURES("user", RiskConfig.MAX_WINDOW_MINUTES),
    /** Successful logins of one user (the velocity signal). */
    USER_LOGINS("login", RiskConfig.MAX_WINDOW_MINUTES);

    /** The longest throttle window the settings accept (THROTTLE_WINDOW_MINUTES, docs/api.md §10): one day. */
    public static final int THROTTLE_RETENTION_MINUTES = 1440;

    private final String column;
    private final int retentionMinutes;

    CounterKind(String column, int retentionMinutes) {
        this.column = column;
        this.retentionMinutes = retentionMinutes;
    }

    /** The value stored in column {@code kind}. */
    public String column() {
        return column;
    }

    /** Buckets older than this many minutes are never read again and may be purged. */
    public int retentionMinutes() {
        return retentionMinutes;
    }

    public static CounterKind ofColumn(String column) {
        for (CounterKind kind : values()) {
            if (kind.column.equals(column)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown counter kind " + column);
    }
}
