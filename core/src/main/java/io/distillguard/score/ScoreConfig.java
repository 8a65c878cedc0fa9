package io.distillguard.score;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Weights and thresholds of the {@link Scorer}.
 *
 * @param rules evidence rule per signal (missing signals use their defaults)
 * @param bias logistic intercept; the score is {@code 1 / (1 + exp(-(bias + evidence)))}
 * @param familyCap maximum positive evidence counted per family (keeps one loud family from flagging alone)
 * @param familyMin a family counts as showing extraction when its positive evidence reaches this (used to date
 *     a campaign's first flag from its members' checkpoints)
 * @param flagThreshold score at or above which an account or campaign is flagged (with convergence), in (0, 1)
 * @param loneMinContent content evidence a lone account (not flagged through a campaign) needs
 * @param loneMinBehaviour behaviour evidence a lone account needs as well
 * @param loneMinExchanges exchanges a lone account needs
 * @param campaignMinCoordination coordination evidence a campaign needs
 * @param campaignMinExtraction content plus behaviour evidence a campaign needs
 * @param actionBands ascending score thresholds of the actions (see {@link #actionFor(double, boolean)})
 */
public record ScoreConfig(Map<Signal, Rule> rules, double bias, Map<Family, Double> familyCap, double familyMin,
        double flagThreshold, double loneMinContent, double loneMinBehaviour, long loneMinExchanges,
        double campaignMinCoordination, double campaignMinExtraction, List<ActionBand> actionBands) {

    /**
     * An action taken at and above a score.
     *
     * @param minScore lowest score of the band
     * @param action action name: {@code throttle}, {@code step_up_verification}, {@code degrade_reasoning},
     *     {@code suspend}
     */
    public record ActionBand(double minScore, String action) {
        public ActionBand {
            Objects.requireNonNull(action, "action");
        }
    }

    public ScoreConfig {
        EnumMap<Signal, Rule> r = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            r.put(s, rules != null && rules.containsKey(s) ? rules.get(s) : Rule.defaultOf(s));
        }
        rules = Map.copyOf(r);
        EnumMap<Family, Double> caps = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            double c = familyCap != null && familyCap.containsKey(f) ? familyCap.get(f) : 10.0;
            if (!(c >= 0)) {
                throw new IllegalArgumentException("family cap must be >= 0: " + f.label());
            }
            caps.put(f, c);
        }
        familyCap = Map.copyOf(caps);
        if (!(flagThreshold > 0 && flagThreshold < 1)) {
            throw new IllegalArgumentException("flagThreshold must be in (0,1): " + flagThreshold);
        }
        if (!(familyMin >= 0)) {
            throw new IllegalArgumentException("familyMin must be >= 0: " + familyMin);
        }
        actionBands = List.copyOf(actionBands);
        for (int i = 1; i < actionBands.size(); i++) {
            if (actionBands.get(i).minScore() < actionBands.get(i - 1).minScore()) {
                throw new IllegalArgumentException("action bands must be ascending");
            }
        }
    }

    /** Built-in defaults. */
    public static ScoreConfig defaults() {
        return new ScoreConfig(Map.of(), -3.5,
                Map.of(Family.CONTENT, 3.5, Family.BEHAVIOUR, 2.5, Family.INFRASTRUCTURE, 1.5, Family.COORDINATION, 2.5),
                0.5, 0.5, 3.0, 1.5, 200, 1.0, 1.0,
                List.of(new ActionBand(0.5, "throttle"), new ActionBand(0.7, "step_up_verification"),
                        new ActionBand(0.85, "degrade_reasoning"), new ActionBand(0.95, "suspend")));
    }

    /** Rule of a signal. */
    public Rule rule(Signal s) {
        return rules.get(s);
    }

    /**
     * The action for a score: {@code observe} when not flagged, otherwise the highest band reached. Only
     * campaigns reach {@code suspend}; a lone account is capped at the band below it.
     */
    public String actionFor(double score, boolean flagged, boolean campaign) {
        if (!flagged) {
            return "observe";
        }
        String a = "observe";
        for (int i = 0; i < actionBands.size(); i++) {
            ActionBand b = actionBands.get(i);
            if (score >= b.minScore() && (campaign || i < actionBands.size() - 1)) {
                a = b.action();
            }
        }
        return a;
    }

    /** Same as {@link #actionFor(double, boolean, boolean)} for a campaign member. */
    public String actionFor(double score, boolean flagged) {
        return actionFor(score, flagged, true);
    }
}
