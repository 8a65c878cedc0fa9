package io.distillguard.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attack campaigns a simulation contains. {@link #defaults()} has one campaign of every type.
 *
 * <p>JSON form (see the README): {@code {"campaigns": [{"type": "COT_FARM", "accounts": 80, ...}, ...]}}.
 * Each campaign starts from its type's defaults and the given fields override them. With
 * {@code "replaceDefaults": false} the listed campaigns are added to, or (same id) merged into, the
 * default set instead of replacing it. {@code "campaigns": []} with replaceDefaults true means no attacks.
 */
public final class AttackConfig {

    private final List<CampaignConfig> campaigns;

    private AttackConfig(List<CampaignConfig> campaigns) {
        this.campaigns = List.copyOf(campaigns);
    }

    /** One campaign of each type with the documented defaults. */
    public static AttackConfig defaults() {
        List<CampaignConfig> l = new ArrayList<>();
        for (CampaignConfig.Type t : CampaignConfig.Type.values()) {
            l.add(CampaignConfig.defaults(t));
        }
        return new AttackConfig(l);
    }

    /** A config of exactly these campaigns (validated). */
    public static AttackConfig of(List<CampaignConfig> campaigns) {
        validate(campaigns);
        return new AttackConfig(campaigns);
    }

    /**
     * Reads a JSON attack config.
     *
     * @throws IOException when the file cannot be read or is not valid JSON
     * @throws IllegalArgumentException when a campaign is invalid (unknown field, bad range, duplicate id)
     */
    public static AttackConfig read(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        JsonNode root = m.readTree(file.toFile());
        if (root == null || !root.isObject() || !root.path("campaigns").isArray()) {
            throw new IllegalArgumentException(file + ": expected an object with a \"campaigns\" array");
        }
        boolean replace = root.path("replaceDefaults").asBoolean(true);
        List<CampaignConfig> out = replace ? new ArrayList<>() : new ArrayList<>(defaults().campaigns);
        for (JsonNode c : root.get("campaigns")) {
            if (!c.hasNonNull("type")) {
                throw new IllegalArgumentException(file + ": every campaign needs a \"type\"");
            }
            CampaignConfig.Type type;
            try {
                type = CampaignConfig.Type.valueOf(c.get("type").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": unknown campaign type " + c.get("type").asText(), e);
            }
            String id = c.hasNonNull("id") ? c.get("id").asText() : null;
            CampaignConfig base = null;
            for (CampaignConfig d : out) {
                if (d.id.equals(id)) {
                    base = d;
                }
            }
            if (base == null) {
                base = CampaignConfig.defaults(type);
                if (id == null) {
                    String prefix = base.id.substring(0, base.id.lastIndexOf('-'));
                    int n = 1;
                    while (hasId(out, prefix + "-" + n)) {
                        n++;
                    }
                    base.id = prefix + "-" + n;
                }
                out.add(base);
            }
            try {
                m.readerForUpdating(base).readValue(c);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(file + ": campaign " + base.id + ": " + e.getOriginalMessage(), e);
            }
        }
        validate(out);
        return new AttackConfig(out);
    }

    private static boolean hasId(List<CampaignConfig> l, String id) {
        for (CampaignConfig c : l) {
            if (c.id.equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy with the same change applied to every campaign; null arguments leave fields as they are.
     *
     * @param accountsFactor multiplies each campaign's account count (result at least 1), > 0
     * @param rateFactor multiplies requests per account per day, > 0
     * @param camouflageShare replaces the camouflage share, in [0, 1)
     * @param paraphraseLevel replaces the paraphrase level, in [0, 1]
     * @param pacing replaces the pacing
     * @param ipClass replaces the network class
     * @throws IllegalArgumentException when a value is out of range
     */
    public AttackConfig adjusted(Double accountsFactor, Double rateFactor, Double camouflageShare,
            Double paraphraseLevel, CampaignConfig.Pacing pacing, CampaignConfig.IpClass ipClass) {
        List<CampaignConfig> out = new ArrayList<>();
        for (CampaignConfig c : campaigns) {
            CampaignConfig x = c.copy();
            if (accountsFactor != null) {
                if (accountsFactor <= 0) {
                    throw new IllegalArgumentException("accounts factor must be > 0");
                }
                x.accounts = Math.max(1, (int) Math.round(x.accounts * accountsFactor));
            }
            if (rateFactor != null) {
                if (rateFactor <= 0) {
                    throw new IllegalArgumentException("rate factor must be > 0");
                }
                x.requestsPerAccountPerDay *= rateFactor;
            }
            if (camouflageShare != null) {
                x.camouflageShare = camouflageShare;
            }
            if (paraphraseLevel != null) {
                x.paraphraseLevel = paraphraseLevel;
            }
            if (pacing != null) {
                x.pacing = pacing;
            }
            if (ipClass != null) {
                x.ipClass = ipClass;
            }
            out.add(x);
        }
        return of(out);
    }

    private static void validate(List<CampaignConfig> l) {
        Set<String> ids = new HashSet<>();
        for (CampaignConfig c : l) {
            c.validate();
            if (!ids.add(c.id)) {
                throw new IllegalArgumentException("duplicate campaign id " + c.id);
            }
        }
    }

    /** The campaigns, in order. The returned configs are live: callers must not change them after a run started. */
    public List<CampaignConfig> campaigns() {
        return campaigns;
    }
}
