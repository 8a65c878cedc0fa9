package io.distillguard.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;

/**
 * Parameters of one simulated distillation campaign, as read from an attack-config JSON file. Fields
 * left out of the JSON keep the defaults of the campaign's {@link #type} ({@link #defaults(Type)}).
 * Counts and rates are at {@code --scale 1}; the simulator multiplies account counts by the scale.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class CampaignConfig {

    /** Campaign strategy. */
    public enum Type {
        /** Reseller proxy: many low-rate accounts rotated in batches, extraction mixed with resold traffic. */
        RESELLER_HYDRA,
        /** Chain-of-thought harvest farm: reasoning-reconstruction prompts with reasoning maxed out. */
        COT_FARM,
        /** Agentic-trace harvesting: tool loops over a task taxonomy. */
        AGENTIC,
        /** Slow-and-low rubric grading (model as reward model) plus censorship-safe rewrites. */
        RUBRIC_REWRITE,
        /** Structured Q/A sweeps over a topic taxonomy with JSON-schema output. */
        STRUCTURED_SWEEP,
        /** Release chasing: little traffic until a new model ships, then a rush onto it. */
        RELEASE_CHASE
    }

    /** How requests are spaced in time. */
    public enum Pacing {
        /** Near-constant interval per account (small jitter). */
        CONSTANT,
        /** Memoryless arrivals, flat over the day. */
        POISSON,
        /** Follows a human day in the campaign's time zone (camouflage). */
        DIURNAL,
        /** One dispatcher hands requests to the active accounts in turn (load-balanced, synchronised). */
        ROUND_ROBIN
    }

    /** Network the campaign sends from. */
    public enum IpClass { RESIDENTIAL, DATACENTER, VPN, UNIVERSITY }

    /** Campaign id written to labels.csv; must be unique in a config. */
    public String id;
    /** Strategy; required. */
    public Type type;
    /** Accounts used over the whole window (including rotated-in replacements), at scale 1; at least 1. */
    public int accounts;
    /** Share of requests that are innocuous camouflage (for resellers: resold ordinary traffic), in [0, 1). */
    public double camouflageShare;
    /** Requests per active account per day, > 0. RELEASE_CHASE uses it after the release. */
    public double requestsPerAccountPerDay;
    public Pacing pacing;
    public IpClass ipClass;
    /**
     * Template paraphrase level in [0, 1]: 0 sends one fixed template wording, 1 picks any variant of the
     * family for each request and rewords it heavily.
     */
    public double paraphraseLevel;
    /** Days each batch of accounts is used before being replaced; 0 = no rotation (all active throughout). */
    public double rotationDays;
    /** Distinct payment cards shared by the accounts; 0 = none (program credits). */
    public int cards;
    /**
     * Share of accounts paying with one of the shared {@link #cards}, in [0, 1]; the others bring a card of
     * their own (bought or stolen one by one).
     */
    public double sharedCardShare = 0.75;
    /** Signup program: {@code standard}, {@code education}, {@code research}, {@code startup}, ... */
    public String program;
    /** Accounts of a batch sign up within this many hours of each other, > 0. */
    public double signupBurstHours;
    /** Campaign starts this many days into the window, >= 0. */
    public double startDay;
    /** Addresses in the campaign's shared IP pool (proxy pool / cloud fleet), >= 1. */
    public int ipPoolSize;
    /** Cloud provider for DATACENTER campaigns ({@code aws}, {@code gcp}, {@code azure}, ...); empty = any. */
    public String cloudProvider = "";
    /** RELEASE_CHASE: hours after the release when the rush starts, in [0, 24] for a real chaser. */
    public double releaseChaseHours;
    /** Failed-request share (429 mostly: campaigns push against rate limits), in [0, 1). */
    public double failureRate = 0.04;

    /** The documented defaults of a campaign type. */
    public static CampaignConfig defaults(Type type) {
        CampaignConfig c = new CampaignConfig();
        c.type = type;
        c.signupBurstHours = 6;
        c.paraphraseLevel = 0.3;
        c.rotationDays = 0;
        c.startDay = 0;
        switch (type) {
            case RESELLER_HYDRA -> {
                c.id = "hydra-1";
                c.accounts = 360;
                c.camouflageShare = 0.45;
                c.requestsPerAccountPerDay = 35;
                c.pacing = Pacing.ROUND_ROBIN;
                c.ipClass = IpClass.RESIDENTIAL;
                c.rotationDays = 3;
                c.cards = 8;
                c.program = "standard";
                c.ipPoolSize = 150;
            }
            case COT_FARM -> {
                c.id = "cot-1";
                c.accounts = 45;
                c.camouflageShare = 0.1;
                c.requestsPerAccountPerDay = 70;
                c.pacing = Pacing.CONSTANT;
                c.ipClass = IpClass.DATACENTER;
                c.cards = 0;
                c.program = "education";
                c.signupBurstHours = 3;
                c.startDay = 1;
                c.ipPoolSize = 20;
            }
            case AGENTIC -> {
                c.id = "agent-1";
                c.accounts = 24;
                c.camouflageShare = 0.15;
                c.requestsPerAccountPerDay = 80;
                c.pacing = Pacing.POISSON;
                c.ipClass = IpClass.DATACENTER;
                c.cloudProvider = "aws";
                c.cards = 3;
                c.program = "startup";
                c.ipPoolSize = 12;
            }
            case RUBRIC_REWRITE -> {
                c.id = "judge-1";
                c.accounts = 16;
                c.camouflageShare = 0.35;
                c.requestsPerAccountPerDay = 12;
                c.pacing = Pacing.DIURNAL;
                c.ipClass = IpClass.RESIDENTIAL;
                c.paraphraseLevel = 0.5;
                c.cards = 16;
                c.program = "standard";
                c.signupBurstHours = 96;
                c.ipPoolSize = 16;
            }
            case STRUCTURED_SWEEP -> {
                c.id = "sweep-1";
                c.accounts = 30;
                c.camouflageShare = 0.15;
                c.requestsPerAccountPerDay = 50;
                c.pacing = Pacing.POISSON;
                c.ipClass = IpClass.DATACENTER;
                c.cards = 4;
                c.program = "startup";
                c.startDay = 2;
                c.ipPoolSize = 10;
            }
            case RELEASE_CHASE -> {
                c.id = "chase-1";
                c.accounts = 20;
                c.camouflageShare = 0.2;
                c.requestsPerAccountPerDay = 110;
                c.pacing = Pacing.POISSON;
                c.ipClass = IpClass.VPN;
                c.cards = 5;
                c.program = "research";
                c.releaseChaseHours = 6;
                c.ipPoolSize = 25;
            }
            default -> throw new IllegalArgumentException("unknown type " + type);
        }
        return c;
    }

    /** A field-by-field copy. */
    public CampaignConfig copy() {
        CampaignConfig c = new CampaignConfig();
        c.id = id;
        c.type = type;
        c.accounts = accounts;
        c.camouflageShare = camouflageShare;
        c.requestsPerAccountPerDay = requestsPerAccountPerDay;
        c.pacing = pacing;
        c.ipClass = ipClass;
        c.paraphraseLevel = paraphraseLevel;
        c.rotationDays = rotationDays;
        c.cards = cards;
        c.sharedCardShare = sharedCardShare;
        c.program = program;
        c.signupBurstHours = signupBurstHours;
        c.startDay = startDay;
        c.ipPoolSize = ipPoolSize;
        c.cloudProvider = cloudProvider;
        c.releaseChaseHours = releaseChaseHours;
        c.failureRate = failureRate;
        return c;
    }

    /**
     * Checks ranges.
     *
     * @throws IllegalArgumentException naming the first bad field
     */
    public void validate() {
        require(type != null, "type is required");
        require(id != null && !id.isBlank() && !id.contains(",") && !id.contains("\n"), "id must be non-empty, no commas");
        require(accounts >= 1, "accounts must be >= 1");
        require(camouflageShare >= 0 && camouflageShare < 1, "camouflageShare must be in [0, 1)");
        require(requestsPerAccountPerDay > 0, "requestsPerAccountPerDay must be > 0");
        require(pacing != null, "pacing is required");
        require(ipClass != null, "ipClass is required");
        require(paraphraseLevel >= 0 && paraphraseLevel <= 1, "paraphraseLevel must be in [0, 1]");
        require(rotationDays >= 0, "rotationDays must be >= 0");
        require(cards >= 0, "cards must be >= 0");
        require(sharedCardShare >= 0 && sharedCardShare <= 1, "sharedCardShare must be in [0, 1]");
        require(program != null && !program.isBlank(), "program is required");
        require(signupBurstHours > 0, "signupBurstHours must be > 0");
        require(startDay >= 0, "startDay must be >= 0");
        require(ipPoolSize >= 1, "ipPoolSize must be >= 1");
        require(releaseChaseHours >= 0, "releaseChaseHours must be >= 0");
        require(failureRate >= 0 && failureRate < 1, "failureRate must be in [0, 1)");
        cloudProvider = cloudProvider == null ? "" : cloudProvider.toLowerCase(Locale.ROOT);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("campaign " + (id == null ? "?" : id) + ": " + message);
        }
    }
}
