package io.distillguard.score;

import java.util.Locale;

/** Evidence families. A flag needs evidence from more than one family (see {@link Scorer}). */
public enum Family {
    /** What the prompts ask for (per-exchange content signals aggregated per account). */
    CONTENT,
    /** How the account uses the API (volume, timing, repetition, token shapes, model switches). */
    BEHAVIOUR,
    /** Where the traffic comes from and who signed up (IP classes, program, countries). */
    INFRASTRUCTURE,
    /** Ties to other accounts (shared attributes, templates, synchronised activity, campaign membership). */
    COORDINATION;

    /** Lower-case label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the families that describe extraction itself (content and behaviour). */
    public boolean extraction() {
        return this == CONTENT || this == BEHAVIOUR;
    }
}
