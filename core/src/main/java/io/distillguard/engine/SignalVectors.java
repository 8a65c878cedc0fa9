package io.distillguard.engine;

import io.distillguard.model.Account;
import io.distillguard.profile.AccountProfile;
import io.distillguard.profile.Attribute;
import io.distillguard.profile.Feature;
import io.distillguard.profile.Hashes;
import io.distillguard.score.Scorer;
import io.distillguard.score.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the scorer's signal vectors from profile features, signup records and community membership. */
final class SignalVectors {

    private static final Set<String> PROGRAMS = Set.of("education", "research", "startup");

    private SignalVectors() {
    }

    /**
     * Signals of one account.
     *
     * @param f profile features (current or a checkpoint's)
     * @param p the profile (for country counts)
     * @param account signup record or null
     * @param restricted restricted region codes
     * @param linkStrength summed weight of links to community members, NaN when in no community
     * @param communitySize size of the account's community, NaN when none
     */
    static double[] account(double[] f, AccountProfile p, Account account, Set<String> restricted, double linkStrength,
            double communitySize) {
        double[] v = Scorer.emptyVector();
        v[Signal.EXTRACTION_SHARE.ordinal()] = f[Feature.EXTRACTION_SHARE.ordinal()];
        v[Signal.RECONSTRUCTION_SHARE.ordinal()] = f[Feature.RECONSTRUCTION_SHARE.ordinal()];
        v[Signal.COT_SHARE.ordinal()] = f[Feature.COT_SHARE.ordinal()];
        v[Signal.RUBRIC_SHARE.ordinal()] = f[Feature.RUBRIC_SHARE.ordinal()];
        v[Signal.CENSORSHIP_SHARE.ordinal()] = f[Feature.CENSORSHIP_SHARE.ordinal()];
        v[Signal.STRUCTURED_QA_SHARE.ordinal()] = f[Feature.STRUCTURED_QA_SHARE.ordinal()];
        v[Signal.AGENTIC_SHARE.ordinal()] = f[Feature.AGENTIC_SHARE.ordinal()];
        v[Signal.REASONING_MAXED_SHARE.ordinal()] = f[Feature.REASONING_MAXED_SHARE.ordinal()];
        double novelty = f[Feature.PROMPT_NOVELTY.ordinal()];
        double noveltyRamp = Double.isNaN(novelty) ? Double.NaN : Math.max(0, Math.min(1, (novelty - 0.5) / 0.4));
        v[Signal.TEMPLATED_NOVELTY.ordinal()] = f[Feature.TEMPLATE_TOP_SHARE.ordinal()] * noveltyRamp;
        double burst = f[Feature.BURST_REPEAT_SHARE.ordinal()];
        v[Signal.BURST_REPEAT_SHARE.ordinal()] = burst;
        // a fixed item set re-run (benchmark): low novelty without immediate repeats
        v[Signal.FIXED_ITEM_SET.ordinal()] = !Double.isNaN(novelty) && novelty < 0.6 && burst < 0.1
                ? f[Feature.COVERAGE_GROWTH.ordinal()] : Double.NaN;
        v[Signal.HOUR_ENTROPY.ordinal()] = f[Feature.HOUR_ENTROPY.ordinal()];
        v[Signal.INTERARRIVAL_REGULARITY.ordinal()] = f[Feature.INTERARRIVAL_LOG_STD.ordinal()];
        v[Signal.SINGLE_TURN_SHARE.ordinal()] = f[Feature.SINGLE_TURN_SHARE.ordinal()];
        v[Signal.OUTPUT_INPUT_RATIO.ordinal()] = f[Feature.OUTPUT_INPUT_RATIO.ordinal()];
        v[Signal.MAX_TOKEN_SATURATION.ordinal()] = f[Feature.MAX_TOKEN_SATURATION.ordinal()];
        v[Signal.CAPABILITY_CONCENTRATION.ordinal()] = f[Feature.CAPABILITY_CONCENTRATION.ordinal()];
        double share = f[Feature.NEW_MODEL_SHARE.ordinal()];
        double hours = f[Feature.NEW_MODEL_ADOPTION_HOURS.ordinal()];
        v[Signal.NEW_MODEL_RUSH.ordinal()] = Double.isNaN(hours) ? Double.NaN
                : share * Math.min(1.0, 24.0 / Math.max(hours, 1e-9));
        v[Signal.END_USER_FANOUT.ordinal()] = f[Feature.END_USER_FANOUT.ordinal()];
        v[Signal.HOSTING_IP_SHARE.ordinal()] = f[Feature.HOSTING_IP_SHARE.ordinal()];
        v[Signal.IP_DIVERSITY.ordinal()] = f[Feature.IP_DIVERSITY.ordinal()];
        if (account != null) {
            String prog = account.program() == null ? "" : account.program().toLowerCase(Locale.ROOT).strip();
            v[Signal.PROGRAM_UNVERIFIED.ordinal()] =
                    PROGRAMS.contains(prog) && !Boolean.TRUE.equals(account.verified()) ? 1.0 : 0.0;
            v[Signal.COUNTRY_MISMATCH.ordinal()] = countryMismatch(p, account);
        }
        if (!restricted.isEmpty()) {
            v[Signal.RESTRICTED_REGION_SHARE.ordinal()] = restrictedShare(p, restricted);
        }
        v[Signal.LINK_STRENGTH.ordinal()] = linkStrength;
        v[Signal.CAMPAIGN_SIZE.ordinal()] = communitySize;
        return v;
    }

    private static double countryMismatch(AccountProfile p, Account a) {
        long declared = country(a.declaredCountry());
        long billing = country(a.billingCountry());
        if ((declared == 0 && billing == 0) || p.exchanges() == 0) {
            return Double.NaN;
        }
        long[] top = p.topValues(Attribute.COUNTRY, 0);
        if (top.length == 0) {
            return Double.NaN;
        }
        long other = 0;
        for (long c : top) {
            if (c != declared && c != billing) {
                other += p.count(Attribute.COUNTRY, c);
            }
        }
        double mismatch = (double) other / p.exchanges();
        if (declared != 0 && billing != 0 && declared != billing) {
            mismatch = Math.max(mismatch, 0.5);
        }
        return Math.min(1, mismatch);
    }

    private static double restrictedShare(AccountProfile p, Set<String> restricted) {
        if (p.exchanges() == 0) {
            return Double.NaN;
        }
        long in = 0;
        for (String r : restricted) {
            in += p.count(Attribute.COUNTRY, country(r));
        }
        return Math.min(1, (double) in / p.exchanges());
    }

    private static long country(String c) {
        return c == null || c.isBlank() ? 0 : Hashes.of(c.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Aggregate signals of a community: exchange-weighted means of the members' signals, the mean link
     * strength, and the size.
     */
    static double[] campaign(int[] members, double[][] vectors, Map<String, AccountProfile> profiles, List<String> ids,
            double[] strength) {
        double[] out = Scorer.emptyVector();
        for (Signal s : Signal.values()) {
            double sum = 0;
            double w = 0;
            for (int m : members) {
                double x = vectors[m][s.ordinal()];
                if (!Double.isNaN(x)) {
                    double weight = profiles.get(ids.get(m)).exchanges();
                    sum += weight * x;
                    w += weight;
                }
            }
            out[s.ordinal()] = w == 0 ? Double.NaN : sum / w;
        }
        double st = 0;
        for (int m : members) {
            st += strength[m];
        }
        out[Signal.LINK_STRENGTH.ordinal()] = st / members.length;
        out[Signal.CAMPAIGN_SIZE.ordinal()] = members.length;
        return out;
    }
}
