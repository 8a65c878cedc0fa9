package io.distillguard.profile;

import java.util.Locale;

/**
 * Per-account features derived from an {@link AccountProfile}. Each has a stable analyst-facing
 * name (the {@code signal} of evidence items, documented in {@code docs/signals.md}) and a unit.
 *
 * <p>Features of kind {@link Kind#SHARE} are in [0, 1]; {@link Kind#MAGNITUDE} features are
 * non-negative and unbounded (counts, rates, ratios, hours). NaN means "not measurable yet" (e.g. an
 * inter-arrival statistic of an account with one exchange).
 */
public enum Feature {
    /** Exchanges counted. */
    EXCHANGES("exchanges", "exchanges", Kind.MAGNITUDE),
    /** Mean exchanges per active hour (hours between first and last exchange, at least 1). */
    RATE_PER_HOUR("rate_per_hour", "per_hour", Kind.MAGNITUDE),
    /** Standard deviation of ln(inter-arrival seconds): low = clockwork, ~1.3 = Poisson, high = bursty human. */
    INTERARRIVAL_LOG_STD("interarrival_log_std", "ln_seconds", Kind.MAGNITUDE),
    /** Normalised entropy of the hour-of-day histogram: 1 = flat around the clock (24/7), 0 = one hour. */
    HOUR_ENTROPY("hour_entropy", "share", Kind.SHARE),
    /** Share of requests with no prior turns. */
    SINGLE_TURN_SHARE("single_turn_share", "share", Kind.SHARE),
    /** Output tokens / input tokens over the account's traffic. */
    OUTPUT_INPUT_RATIO("output_input_ratio", "ratio", Kind.MAGNITUDE),
    /** Share of responses that stopped at the output cap (stop reason max_tokens/length or output >= 95% of cap). */
    MAX_TOKEN_SATURATION("max_token_saturation", "share", Kind.SHARE),
    /** Share of requests asking for maximal reasoning (top effort or large thinking budget). */
    REASONING_MAXED_SHARE("reasoning_maxed_share", "share", Kind.SHARE),
    /** Share of prompts eliciting written-out chain-of-thought (content score >= 0.5). */
    COT_SHARE("cot_elicitation_share", "share", Kind.SHARE),
    /**
     * Share of prompts asking to reconstruct the reasoning behind a given answer (score >= 0.5), not
     * counting grading prompts (rubric score >= 0.5), which ask a grader to explain its own verdict.
     */
    RECONSTRUCTION_SHARE("reasoning_reconstruction_share", "share", Kind.SHARE),
    /** Share of prompts using the model as a grader / reward model (score >= 0.5). */
    RUBRIC_SHARE("rubric_grading_share", "share", Kind.SHARE),
    /** Share of prompts asking for censorship-safe rewrites (score >= 0.5). */
    CENSORSHIP_SHARE("censorship_rewrite_share", "share", Kind.SHARE),
    /** Share of exchanges generating structured Q/A data (score >= 0.5). */
    STRUCTURED_QA_SHARE("structured_qa_share", "share", Kind.SHARE),
    /** Share of exchanges that are steps of agentic tool loops. */
    AGENTIC_SHARE("agentic_loop_share", "share", Kind.SHARE),
    /**
     * Share of exchanges with any extraction-style content: reasoning reconstruction, rubric grading,
     * censorship rewrite or structured Q/A (score >= 0.5), or chain-of-thought elicitation together with
     * maximal reasoning.
     */
    EXTRACTION_SHARE("extraction_share", "share", Kind.SHARE),
    /** Share of exchanges in the account's most used capability category. */
    CAPABILITY_CONCENTRATION("capability_concentration", "share", Kind.SHARE),
    /** Estimated distinct prompts / exchanges: 1 = every prompt new. */
    PROMPT_NOVELTY("prompt_novelty", "share", Kind.SHARE),
    /** Share of exchanges whose prompt (without tool results) is identical to one of the account's previous 8 such prompts (rejection sampling). */
    BURST_REPEAT_SHARE("burst_repeat_share", "share", Kind.SHARE),
    /**
     * New distinct prompts per exchange since the previous checkpoint (coverage growth): near 1 for
     * novelty-seeking extraction, near 0 for a benchmark re-running a fixed item set.
     */
    COVERAGE_GROWTH("coverage_growth", "share", Kind.SHARE),
    /** Share of prompts built from the account's most frequent template (near-duplicate skeleton). */
    TEMPLATE_TOP_SHARE("template_top_share", "share", Kind.SHARE),
    /** Estimated distinct declared end users. */
    END_USER_FANOUT("end_user_fanout", "end_users", Kind.MAGNITUDE),
    /** Share of exchanges from datacenter, VPN or Tor addresses. */
    HOSTING_IP_SHARE("hosting_ip_share", "share", Kind.SHARE),
    /** Estimated distinct client IPs. */
    IP_DIVERSITY("ip_diversity", "ips", Kind.MAGNITUDE),
    /** Share of the account's traffic, since it first used the newest model released in the data, sent to that model. */
    NEW_MODEL_SHARE("new_model_share", "share", Kind.SHARE),
    /** Hours from that model's release to the account's first use of it (NaN when none). */
    NEW_MODEL_ADOPTION_HOURS("new_model_adoption_hours", "hours", Kind.MAGNITUDE);

    /** Value domain of a feature. */
    public enum Kind {
        /** In [0, 1]. */
        SHARE,
        /** Non-negative, unbounded. */
        MAGNITUDE
    }

    private final String signal;
    private final String unit;
    private final Kind kind;

    Feature(String signal, String unit, Kind kind) {
        this.signal = signal;
        this.unit = unit;
        this.kind = kind;
    }

    /** Stable analyst-facing signal name, e.g. {@code prompt_novelty}. */
    public String signal() {
        return signal;
    }

    /** Unit of the value. */
    public String unit() {
        return unit;
    }

    /** Value domain. */
    public Kind kind() {
        return kind;
    }

    /** Number of features. */
    public static final int COUNT = values().length;

    @Override
    public String toString() {
        return signal.toLowerCase(Locale.ROOT);
    }
}
