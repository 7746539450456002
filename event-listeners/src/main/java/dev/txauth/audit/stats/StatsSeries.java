package dev.txauth.audit.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense series over a request's buckets: every named series has one value per bucket (zero where PostgreSQL returned
 * no group), in the order the series were declared, so a chart never has to guess a missing point.
 */
public final class StatsSeries {

    private final List<Instant> buckets;
    private final Map<Instant, Integer> index = new HashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> amounts = new LinkedHashMap<>();

    public StatsSeries(List<Instant> buckets) {
        this.buckets = List.copyOf(buckets);
        for (int i = 0; i < buckets.size(); i++) {
            index.put(buckets.get(i), i);
        }
    }

    /** Declares a count series (all zeros until {@link #add} fills it). */
    public StatsSeries count(String name) {
        counts.computeIfAbsent(name, k -> new long[buckets.size()]);
        return this;
    }

    /** Declares an amount series. */
    public StatsSeries amount(String name) {
        amounts.computeIfAbsent(name, k -> {
            BigDecimal[] zeros = new BigDecimal[buckets.size()];
            Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        });
        return this;
    }

    /** Adds to a declared count series; a bucket outside the request (clock skew at the edges) is ignored. */
    public void add(String name, Instant bucket, long n) {
        long[] series = counts.get(name);
        Integer i = index.get(bucket);
        if (series == null) {
            throw new IllegalArgumentException("Undeclared series " + name);
        }
        if (i != null) {
            series[i] += n;
        }
    }

    public void add(String name, Instant bucket, BigDecimal amount) {
        BigDecimal[] series = amounts.get(name);
        Integer i = index.get(bucket);
        if (series == null) {
            throw new IllegalArgumentException("Undeclared series " + name);
        }
        if (i != null) {
            series[i] = series[i].add(amount);
        }
    }

    public List<String> bucketLabels() {
        List<String> out = new ArrayList<>(buckets.size());
        buckets.forEach(b -> out.add(b.toString()));
        return out;
    }

    /** {@code name → [values]}, counts first, then amounts. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((name, v) -> out.put(name, Arrays.stream(v).boxed().toList()));
        amounts.forEach((name, v) -> out.put(name, List.of(v)));
        return out;
    }

    /** {@code name → sum over the period}. */
    public Map<String, Object> totals() {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((name, v) -> out.put(name, Arrays.stream(v).sum()));
        amounts.forEach((name, v) -> out.put(name, Arrays.stream(v).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return out;
    }
}
