package dev.txauth.controls.settings;

/**
 * Every txauth realm-level setting of docs/api.md §8–§10, with its default: the ONE place the defaults live. The
 * settings API, the admin console tab, the stored component and the readers all derive from this list.
 *
 * <p>{@code group} is the JSON object a setting sits in ({@code null} for top level); {@code configKey} is its flat
 * name in the stored component and the console form (kebab-case: the console treats dots as paths).
 */
public enum Setting {
    COOLING_PERIOD_HOURS(null, "cooling_period_hours", new SettingKind.Whole(1, 720), "24",
            "Cooling period (hours)", "How long after a device is bound or an account created the cooling-period "
            + "caps apply (docs/api.md §8)."),
    COOLING_PERIOD_LIMITS(null, "cooling_period_limits", new SettingKind.AmountsByCurrency(false),
            "[{\"key\":\"NGN\",\"value\":\"20000.00\"}]",
            "Cooling-period caps", "Most a user may have approved in total during the cooling period, per currency "
            + "(ISO 4217 code, decimal amount). A currency not listed is refused during the cooling period."),
    REGULATORY_CAPS(null, "regulatory_caps", new SettingKind.AmountsByCurrency(true),
            "[{\"key\":\"NGN\",\"value\":\"25000000.00\"}]",
            "Regulatory caps", "Highest per-transaction and daily limit a user may set, per currency; applies when "
            + "the user set none (CBN: NGN 25,000,000.00 for individuals)."),
    DAILY_LIMIT_ZONE(null, "daily_limit_zone", new SettingKind.TimeZone(), "Africa/Lagos",
            "Daily limit time zone", "Daily limits count approvals of the calendar day in this time zone."),
    FRESH_MFA_SECONDS(null, "fresh_mfa_seconds", new SettingKind.Whole(30, 3600), "300",
            "Fresh MFA (seconds)", "How recent a second-factor authentication must be to change limits or the "
            + "instant-payments opt-out."),
    SMS_RESEND_COOLDOWN_SECONDS("sms", "resend_cooldown_seconds", new SettingKind.Whole(1, 3600), "30",
            "SMS resend cooldown (seconds)", "Wait before another code may be sent for the same transaction (§9)."),
    SMS_SENDS_PER_TRANSACTION("sms", "sends_per_transaction", new SettingKind.Whole(1, 10), "3",
            "SMS sends per transaction", "Most codes sent for one transaction (§9)."),
    SMS_PER_USER_PER_HOUR("sms", "per_user_per_hour", new SettingKind.Whole(1, 100), "5",
            "SMS per user per hour", "Most SMS sent to one user in an hour (§9)."),
    SMS_PER_DESTINATION_PER_DAY("sms", "per_destination_per_day", new SettingKind.Whole(1, 1000), "10",
            "SMS per number per day", "Most SMS sent to one phone number in a day (§9)."),
    SMS_CODE_LENGTH("sms", "code_length", new SettingKind.Whole(6, 10), "6",
            "Code length (digits)", "Digits of an SMS or email code (§9)."),
    SMS_CODE_LIFETIME_SECONDS("sms", "code_lifetime_seconds", new SettingKind.Whole(30, 600), "300",
            "Code lifetime (seconds)", "How long an SMS or email code is valid, never past the transaction (§9)."),
    THROTTLE_PER_IP_AND_USERNAME("throttle", "per_ip_and_username", new SettingKind.Whole(1, 1000), "5",
            "Failed logins per IP and username", "Failed password attempts allowed per client IP and username in "
            + "the window (§10)."),
    THROTTLE_PER_IP("throttle", "per_ip", new SettingKind.Whole(1, 100000), "100",
            "Failed logins per IP", "Failed password attempts allowed per client IP in the window (§10)."),
    THROTTLE_WINDOW_MINUTES("throttle", "window_minutes", new SettingKind.Whole(1, 1440), "15",
            "Throttle window (minutes)", "The window the failed-login counts cover (§10).");

    private final String group;
    private final String name;
    private final SettingKind kind;
    private final String defaultConfig;
    private final String label;
    private final String help;

    Setting(String group, String name, SettingKind kind, String defaultConfig, String label, String help) {
        this.group = group;
        this.name = name;
        this.kind = kind;
        this.defaultConfig = defaultConfig;
        this.label = label;
        this.help = help;
    }

    public String group() {
        return group;
    }

    public String jsonName() {
        return name;
    }

    /** {@code sms.code_length}: how error descriptions and docs name it. */
    public String path() {
        return group == null ? name : group + "." + name;
    }

    public String configKey() {
        return path().replace('.', '-').replace('_', '-');
    }

    SettingKind kind() {
        return kind;
    }

    /** The default, in the stored component's form (also the console form's initial value). */
    public String defaultConfig() {
        return defaultConfig;
    }

    public String consoleType() {
        return kind.consoleType();
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }
}
