package io.distillguard.score;

import io.distillguard.findings.Evidence;
import io.distillguard.util.Decimals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * Turns a signal vector into a score with its evidence.
 *
 * <p>Each {@link Signal} with a value (not NaN) and enough exchanges yields an evidence item of weight
 * {@code rule.weight * rule.strength(value)}. Positive weights are summed per {@link Family} and capped
 * ({@link ScoreConfig#familyCap()}); negative (exculpatory) weights are added uncapped. The score is the
 * logistic {@code 1 / (1 + exp(-(bias + sum)))}.
 *
 * <p>Flagging needs converging evidence and the score at or above the threshold. A campaign (a vector with
 * coordination signals) needs coordination evidence of at least {@code campaignMinCoordination} and content
 * plus behaviour evidence of at least {@code campaignMinExtraction}. A lone account (no coordination
 * signals) needs content evidence of at least {@code loneMinContent} of which at least {@code loneMinTell}
 * comes from the distillation tells (reasoning reconstruction, censorship-safe rewrites: grading, CoT,
 * Q/A data and tool loops are everyday uses of judge platforms, tutors and agents), behaviour evidence of
 * at least {@code loneMinBehaviour} and {@code loneMinExchanges} exchanges. So no single axis flags: a benchmark's
 * chain-of-thought prompts, an enterprise's shared card or a SaaS backend's volume are each one family,
 * and infrastructure alone never completes a flag.
 */
public final class Scorer {

    private final ScoreConfig config;

    /** Creates a scorer. */
    public Scorer(ScoreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public ScoreConfig config() {
        return config;
    }

    /**
     * Scores a signal vector.
     *
     * @param values signal values indexed by {@link Signal#ordinal()}; NaN = not available
     * @param exchanges exchanges behind the values (gates each rule's {@code minExchanges})
     * @param subject "account" or "campaign", used in evidence sentences
     */
    public Assessment assess(double[] values, long exchanges, String subject) {
        EnumMap<Family, Double> pos = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            pos.put(f, 0.0);
        }
        double neg = 0;
        double tell = 0;
        List<Evidence> items = new ArrayList<>();
        for (Signal s : Signal.values()) {
            double v = values[s.ordinal()];
            Rule r = config.rule(s);
            if (Double.isNaN(v) || exchanges < r.minExchanges() || r.weight() == 0) {
                continue;
            }
            double strength = r.strength(v);
            if (strength <= 0) {
                continue;
            }
            double w = r.weight() * strength;
            if (w > 0) {
                pos.merge(s.family(), w, Double::sum);
                if (s == Signal.RECONSTRUCTION_SHARE || s == Signal.CENSORSHIP_SHARE) {
                    tell += w;
                }
            } else {
                neg += w;
            }
            items.add(new Evidence(s.label(), v, r.baseline(), w, s.unit(), sentence(s, v, r, subject)));
        }
        double total = neg;
        EnumMap<Family, Double> capped = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            double c = Math.min(pos.get(f), config.familyCap().get(f));
            capped.put(f, c);
            total += c;
        }
        double score = 1 / (1 + Math.exp(-(config.bias() + total)));
        boolean flagged;
        double extraction = capped.get(Family.CONTENT) + capped.get(Family.BEHAVIOUR);
        if (Double.isNaN(values[Signal.LINK_STRENGTH.ordinal()])) {
            flagged = score >= config.flagThreshold() && capped.get(Family.CONTENT) >= config.loneMinContent()
                    && tell >= config.loneMinTell()
                    && capped.get(Family.BEHAVIOUR) >= config.loneMinBehaviour() && exchanges >= config.loneMinExchanges();
        } else {
            flagged = score >= config.flagThreshold()
                    && capped.get(Family.COORDINATION) >= config.campaignMinCoordination()
                    && extraction >= config.campaignMinExtraction();
        }
        items.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())).thenComparing(Evidence::signal));
        return new Assessment(score, flagged, capped, items);
    }

    private static String sentence(Signal s, double v, Rule r, String subject) {
        String val = s.unit().equals("share") || s.unit().equals("flag") ? pct(v) : fmt(v);
        String base = s.unit().equals("share") || s.unit().equals("flag") ? pct(r.baseline()) : fmt(r.baseline());
        return s.description() + ": " + subject + " " + val + " (benign baseline " + base + ")";
    }

    /*
     * Numbers as String.format(Locale.ROOT, "%.Nf") writes them (ASCII digits, '.', no grouping), through
     * Decimals: these sentences are written for every evidence item of every account, and Formatter was the
     * largest cost of scoring.
     */

    static String pct(double v) {
        return Decimals.append(new StringBuilder(8), 100 * v, 1).append('%').toString();
    }

    static String fmt(double v) {
        return Decimals.fixed(v, Math.abs(v) >= 100 ? 0 : 2);
    }

    /** An empty signal vector (all NaN). */
    public static double[] emptyVector() {
        double[] v = new double[Signal.values().length];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
