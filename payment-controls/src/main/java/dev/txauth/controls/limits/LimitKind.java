package dev.txauth.controls.limits;

/** The {@code limit} member of a 422 {@code limit_exceeded} answer (docs/api.md §8). */
public enum LimitKind {
    COOLING_PERIOD("cooling_period"),
    PER_TRANSACTION("per_transaction"),
    DAILY("daily");

    private final String wireName;

    LimitKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
