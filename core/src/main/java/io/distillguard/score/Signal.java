package io.distillguard.score;

import java.util.Locale;

/**
 * The scored signals, with their default evidence rule. A signal's strength is a linear ramp from 0 at
 * its benign {@code baseline} to 1 at {@code full} (either direction: when {@code full < baseline} lower
 * values are the suspicious ones), and its evidence weight is {@code weight * strength}. Signals with a
 * negative weight are exculpatory. {@code minExchanges} is the volume below which the signal is not
 * evaluated (too few exchanges to judge). Every default can be overridden in the scan config as
 * {@code signal.<name>.baseline|full|weight|min_exchanges}; see {@code docs/signals.md} for definitions.
 */
public enum Signal {
    // content
    EXTRACTION_SHARE("extraction_share", Family.CONTENT, "share", 0.15, 0.5, 2.5, 8,
            "exchanges with any extraction-style content (reconstruction, grading, safe rewrites, Q/A data, "
                    + "chain-of-thought at maximal reasoning)"),
    RECONSTRUCTION_SHARE("reasoning_reconstruction_share", Family.CONTENT, "share", 0.05, 0.4, 1.5, 8,
            "prompts asking to reconstruct the reasoning behind a given answer"),
    COT_SHARE("cot_elicitation_share", Family.CONTENT, "share", 0.35, 0.85, 1.0, 8,
            "prompts eliciting written-out step-by-step reasoning"),
    RUBRIC_SHARE("rubric_grading_share", Family.CONTENT, "share", 0.2, 0.7, 1.0, 8,
            "prompts using the model as a grader / reward model"),
    CENSORSHIP_SHARE("censorship_rewrite_share", Family.CONTENT, "share", 0.05, 0.3, 1.0, 8,
            "prompts asking for censorship-safe rewrites"),
    STRUCTURED_QA_SHARE("structured_qa_share", Family.CONTENT, "share", 0.25, 0.7, 1.0, 8,
            "exchanges generating structured Q/A data"),
    AGENTIC_SHARE("agentic_loop_share", Family.CONTENT, "share", 0.5, 0.95, 0.5, 8,
            "exchanges that are steps of tool-use loops"),
    REASONING_MAXED_SHARE("reasoning_maxed_share", Family.CONTENT, "share", 0.35, 0.85, 0.8, 8,
            "requests asking for maximal reasoning effort or budget"),
    // behaviour
    TEMPLATED_NOVELTY("templated_novelty", Family.BEHAVIOUR, "share", 0.25, 0.7, 1.0, 30,
            "share of prompts from one template whose fillings never repeat (dataset generation)"),
    BURST_REPEAT_SHARE("burst_repeat_share", Family.BEHAVIOUR, "share", 0.15, 0.6, 1.0, 30,
            "prompts repeated right after themselves (rejection sampling)"),
    FIXED_ITEM_SET("fixed_item_set", Family.BEHAVIOUR, "share", 0.5, 0.05, -1.5, 100,
            "new prompts per exchange lately; near 0 means a fixed item set is being re-run (benchmark)"),
    HOUR_ENTROPY("hour_entropy", Family.BEHAVIOUR, "share", 0.88, 0.98, 0.5, 50,
            "activity spread over all hours of the day (24/7)"),
    INTERARRIVAL_REGULARITY("interarrival_log_std", Family.BEHAVIOUR, "ln_seconds", 0.9, 0.3, 0.4, 30,
            "spread of log inter-arrival times; low = clockwork pacing"),
    SINGLE_TURN_SHARE("single_turn_share", Family.BEHAVIOUR, "share", 0.85, 0.99, 0.3, 30,
            "requests with no conversation history"),
    OUTPUT_INPUT_RATIO("output_input_ratio", Family.BEHAVIOUR, "ratio", 4.0, 15.0, 0.3, 30,
            "output tokens per input token"),
    MAX_TOKEN_SATURATION("max_token_saturation", Family.BEHAVIOUR, "share", 0.25, 0.7, 0.3, 30,
            "responses cut at the output cap"),
    CAPABILITY_CONCENTRATION("capability_concentration", Family.BEHAVIOUR, "share", 0.75, 0.97, 0.3, 50,
            "traffic concentrated on one capability"),
    NEW_MODEL_RUSH("new_model_rush", Family.BEHAVIOUR, "share", 0.5, 0.95, 0.8, 30,
            "share of traffic moved to a newly released model, discounted by adoption delay beyond 24 h"),
    END_USER_FANOUT("end_user_fanout", Family.BEHAVIOUR, "end_users", 100, 2000, 0.3, 30,
            "distinct declared end users (resold access)"),
    // infrastructure
    HOSTING_IP_SHARE("hosting_ip_share", Family.INFRASTRUCTURE, "share", 0.3, 0.9, 0.8, 8,
            "traffic from datacenter, VPN or Tor addresses"),
    IP_DIVERSITY("ip_diversity", Family.INFRASTRUCTURE, "ips", 20, 200, 0.3, 30,
            "distinct client IPs (rotating proxies)"),
    PROGRAM_UNVERIFIED("program_unverified", Family.INFRASTRUCTURE, "flag", 0.5, 1.0, 0.4, 1,
            "signed up through an education / research / startup program without verification"),
    COUNTRY_MISMATCH("country_mismatch", Family.INFRASTRUCTURE, "share", 0.5, 0.95, 0.4, 8,
            "traffic from countries other than the declared / billing country"),
    RESTRICTED_REGION_SHARE("restricted_region_share", Family.INFRASTRUCTURE, "share", 0.05, 0.5, 1.5, 1,
            "traffic from configured restricted regions"),
    // coordination
    LINK_STRENGTH("campaign_link_strength", Family.COORDINATION, "weight", 0.6, 2.0, 1.8, 1,
            "summed weight of links to other members of the campaign"),
    CAMPAIGN_SIZE("campaign_size", Family.COORDINATION, "accounts", 3, 25, 0.7, 1,
            "accounts in the campaign");

    private final String label;
    private final Family family;
    private final String unit;
    private final double baseline;
    private final double full;
    private final double weight;
    private final int minExchanges;
    private final String description;

    Signal(String label, Family family, String unit, double baseline, double full, double weight, int minExchanges,
            String description) {
        this.label = label;
        this.family = family;
        this.unit = unit;
        this.baseline = baseline;
        this.full = full;
        this.weight = weight;
        this.minExchanges = minExchanges;
        this.description = description;
    }

    /** Analyst-facing name, e.g. {@code prompt_novelty}. */
    public String label() {
        return label;
    }

    /** Family. */
    public Family family() {
        return family;
    }

    /** Unit. */
    public String unit() {
        return unit;
    }

    /** Default benign baseline. */
    public double defaultBaseline() {
        return baseline;
    }

    /** Default value of full strength. */
    public double defaultFull() {
        return full;
    }

    /** Default weight (score units). */
    public double defaultWeight() {
        return weight;
    }

    /** Default minimum exchanges. */
    public int defaultMinExchanges() {
        return minExchanges;
    }

    /** One-line description. */
    public String description() {
        return description;
    }

    /** Parses a label (case-insensitive); null when unknown. */
    public static Signal fromLabel(String s) {
        for (Signal x : values()) {
            if (x.label.equalsIgnoreCase(s) || x.name().equalsIgnoreCase(s)) {
                return x;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
