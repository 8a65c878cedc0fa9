package io.distillguard.findings;

import java.util.Objects;

/**
 * One signal that contributed to a score, with the benign baseline it was compared to.
 *
 * @param signal stable signal name an analyst can look up in the docs, e.g. {@code cot_elicitation_share}
 * @param value observed value, in {@code unit}
 * @param baseline the benign reference value for the same signal (e.g. the benign 99th percentile
 *     or the configured threshold), in {@code unit}; {@code NaN} when the signal has no baseline
 * @param weight contribution of this item to the score, in score units (may be negative for
 *     exculpatory evidence)
 * @param unit unit of {@code value} and {@code baseline}, e.g. {@code share}, {@code per_hour},
 *     {@code accounts}, {@code ratio}
 * @param detail one human sentence explaining the item
 */
public record Evidence(String signal, double value, double baseline, double weight, String unit, String detail) {

    public Evidence {
        Objects.requireNonNull(signal, "signal");
        unit = unit == null ? "" : unit;
        detail = detail == null ? "" : detail;
    }
}
