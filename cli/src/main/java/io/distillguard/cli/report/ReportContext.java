package io.distillguard.cli.report;

import java.util.List;
import java.util.Objects;

/**
 * What the report shows besides the findings. Everything here is printed as given (escaped); the
 * renderer never reads the clock, so the same findings and context give the same bytes.
 *
 * @param title page title, e.g. {@code distillguard scan of events.jsonl.gz}
 * @param generatedAt when the report was generated, as the caller wants it shown (e.g. an RFC 3339
 *     instant from an injected clock), or null to omit
 * @param inputFiles names of the input files the findings came from, in display order; may be empty
 * @param attributions data attribution lines (e.g. {@code NetworkData.attributions()}); required by the
 *     CC BY 4.0 IP data whenever network data was used. {@code http(s)://} URLs in them become links.
 * @param maxAccountRows most flagged accounts listed in the accounts table (1 .. 100,000); the rest are
 *     counted in a note (the full list is in {@code accounts.csv})
 * @param nearMissRows unflagged accounts with the highest scores also listed (0 .. 10,000)
 * @param maxCampaignDetails most campaigns shown with full evidence, charts and links (1 .. 1,000)
 */
public record ReportContext(String title, String generatedAt, List<String> inputFiles, List<String> attributions,
        int maxAccountRows, int nearMissRows, int maxCampaignDetails) {

    /** Default rows: keeps a 10k-account scan's page to a few MB at most. */
    public static final int DEFAULT_MAX_ACCOUNT_ROWS = 2000;
    /** Default near-miss rows. */
    public static final int DEFAULT_NEAR_MISS_ROWS = 50;
    /** Default campaigns with full detail. */
    public static final int DEFAULT_MAX_CAMPAIGN_DETAILS = 50;

    public ReportContext {
        title = title == null || title.isBlank() ? "distillguard report" : title;
        inputFiles = inputFiles == null ? List.of() : List.copyOf(inputFiles);
        attributions = attributions == null ? List.of() : List.copyOf(attributions);
        if (maxAccountRows < 1 || maxAccountRows > 100_000) {
            throw new IllegalArgumentException("maxAccountRows must be in [1, 100000]: " + maxAccountRows);
        }
        if (nearMissRows < 0 || nearMissRows > 10_000) {
            throw new IllegalArgumentException("nearMissRows must be in [0, 10000]: " + nearMissRows);
        }
        if (maxCampaignDetails < 1 || maxCampaignDetails > 1000) {
            throw new IllegalArgumentException("maxCampaignDetails must be in [1, 1000]: " + maxCampaignDetails);
        }
    }

    /** A context with default limits. */
    public static ReportContext of(String title, String generatedAt, List<String> inputFiles,
            List<String> attributions) {
        return new ReportContext(title, generatedAt, inputFiles, attributions, DEFAULT_MAX_ACCOUNT_ROWS,
                DEFAULT_NEAR_MISS_ROWS, DEFAULT_MAX_CAMPAIGN_DETAILS);
    }

    /** This context with other attribution lines. */
    public ReportContext withAttributions(List<String> lines) {
        return new ReportContext(title, generatedAt, inputFiles, Objects.requireNonNull(lines), maxAccountRows,
                nearMissRows, maxCampaignDetails);
    }

    /** This context with other table limits. */
    public ReportContext withLimits(int accountRows, int nearMisses, int campaignDetails) {
        return new ReportContext(title, generatedAt, inputFiles, attributions, accountRows, nearMisses,
                campaignDetails);
    }
}
