package io.distillguard.profile;

import io.distillguard.enrich.IpClass;
import io.distillguard.enrich.IpInfo;
import io.distillguard.model.Exchange;
import io.distillguard.signals.Capability;
import io.distillguard.signals.ContentSignals;
import java.util.Objects;

/**
 * What the engine remembers about one account: a fixed-size summary updated one exchange at a time.
 * Memory does not grow with the number of exchanges: every array is allocated at construction (about
 * 1.7 KiB in all, see {@link #estimatedBytes()}); {@link #update} is O(1) (bounded by the sketch sizes).
 *
 * <p>Contents: counters and token sums; Welford mean/variance of ln(inter-arrival seconds); a 24-bin
 * UTC hour-of-day histogram; capability, content-signal and IP-class counters; Misra-Gries top values
 * of the {@link Attribute}s; bottom-k distinct-count sketches of prompts (k=32), end users (16) and
 * IPs (16); a bottom-k signature (k=32) of the 10-minute time buckets the account was active in, whose
 * pairwise Jaccard measures synchronised activity; the last 8 prompt hashes (to count immediate
 * repeats); and quantised feature snapshots at geometric checkpoints (after 16, 64, 256, ... 262,144
 * exchanges) from which the first time an account would have been flagged is recovered.
 *
 * <p>Exchanges must be fed in time order for the inter-arrival statistics to be meaningful; out-of-order
 * exchanges are counted everywhere else and skipped there. Not thread-safe: one account is updated by
 * one thread (the engine partitions by account).
 */
public final class AccountProfile {

    /** Width of an activity time bucket, ms. */
    public static final long TIME_BUCKET_MS = 10 * 60_000L;
    /** Number of feature snapshots kept. */
    public static final int CHECKPOINTS = 8;
    /** Exchanges at the first checkpoint; each next checkpoint is 4x the previous. */
    public static final int FIRST_CHECKPOINT = 16;

    // bottom-k regions of kmv[]
    static final int K_PROMPTS = 32;
    static final int K_END_USERS = 16;
    static final int K_IPS = 16;
    static final int K_TIME = 32;
    static final int OFF_PROMPTS = 0;
    static final int OFF_END_USERS = OFF_PROMPTS + K_PROMPTS;
    static final int OFF_IPS = OFF_END_USERS + K_END_USERS;
    static final int OFF_TIME = OFF_IPS + K_IPS;
    static final int KMV_LEN = OFF_TIME + K_TIME;

    // counters[] regions
    static final int C_HOURS = 0;
    static final int C_CAPS = 24;
    static final int C_CONTENT = C_CAPS + Capability.values().length;
    static final int CONTENT_COT = 0;
    static final int CONTENT_RECON = 1;
    static final int CONTENT_RUBRIC = 2;
    static final int CONTENT_CENSOR = 3;
    static final int CONTENT_STRUCT = 4;
    static final int CONTENT_AGENTIC = 5;
    static final int CONTENT_REASONING_MAXED = 6;
    static final int CONTENT_SINGLE_TURN = 7;
    static final int CONTENT_SATURATED = 8;
    static final int CONTENT_EXTRACTION = 9;
    static final int C_IPCLASS = C_CONTENT + 10;
    static final int COUNTERS_LEN = C_IPCLASS + IpClass.values().length;

    private static final int RECENT = 8;
    /** Bins of the activity timeline; bin width starts at one hour and doubles as the account's span grows. */
    public static final int TIMELINE_BINS = 32;
    private static final double CONTENT_HIT = 0.5;

    private final String accountId;
    private long exchanges;
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;
    private long prevTs = Long.MIN_VALUE;
    private int iaCount;
    private double iaMean;
    private double iaM2;
    private long inputTokens;
    private long outputTokens;
    private int burstRepeats;
    private int recentPos;
    private int snapshotsTaken;
    private final int[] counters = new int[COUNTERS_LEN];
    private final long[] mgKeys = new long[Attribute.SLOTS];
    private final int[] mgCounts = new int[Attribute.SLOTS];
    private final long[] modelFirstUse = new long[Attribute.MODEL.k];
    private final int[] modelExchangesBefore = new int[Attribute.MODEL.k];
    private final int[] kmv = new int[KMV_LEN];
    private final long[] recent = new long[RECENT];
    private final byte[] snapshots = new byte[CHECKPOINTS * Feature.COUNT];
    private final long[] snapshotTs = new long[CHECKPOINTS];
    private final float[] snapshotDistinct = new float[CHECKPOINTS];
    private final int[] timeline = new int[TIMELINE_BINS];
    private long timelineOrigin = Long.MIN_VALUE;
    private long timelineWidth = 3_600_000L;

    /** Receives attribute values when they first enter an account's top values (to name hashes in reports). */
    @FunctionalInterface
    public interface ValueSink {
        /** Called with the attribute, the hash kept in the profile and the original value. */
        void seen(Attribute attribute, long hash, String value);

        /** Ignores everything. */
        ValueSink NONE = (a, h, v) -> { };
    }

    /** Creates an empty profile. */
    public AccountProfile(String accountId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        java.util.Arrays.fill(kmv, Sketches.EMPTY);
    }

    /** The account id. */
    public String accountId() {
        return accountId;
    }

    /** Exchanges counted. */
    public long exchanges() {
        return exchanges;
    }

    /** Time of the first exchange, epoch ms ({@code Long.MAX_VALUE} when none). */
    public long firstSeen() {
        return firstTs;
    }

    /** Time of the last exchange, epoch ms ({@code Long.MIN_VALUE} when none). */
    public long lastSeen() {
        return lastTs;
    }

    /**
     * Adds one exchange.
     *
     * @param e the exchange
     * @param s its content signals
     * @param ip what the reference data says about its client IP
     * @param catalog model release times (used for the checkpoint snapshots)
     * @param sink told about new top attribute values; may be {@link ValueSink#NONE}
     */
    public void update(Exchange e, ContentSignals s, IpInfo ip, ModelCatalog catalog, ValueSink sink) {
        update(ExchangeFacts.of(e, ip), s, catalog, sink);
    }

    /**
     * Adds one exchange whose {@link ExchangeFacts} were computed elsewhere (see there why); the same
     * result as {@link #update(Exchange, ContentSignals, IpInfo, ModelCatalog, ValueSink)}.
     *
     * @param f the exchange's facts; its account should be this profile's
     * @param s its content signals
     * @param catalog model release times (used for the checkpoint snapshots)
     * @param sink told about new top attribute values; may be {@link ValueSink#NONE}
     */
    public void update(ExchangeFacts f, ContentSignals s, ModelCatalog catalog, ValueSink sink) {
        exchanges++;
        long ts = f.ts;
        firstTs = Math.min(firstTs, ts);
        lastTs = Math.max(lastTs, ts);
        if (prevTs != Long.MIN_VALUE && ts >= prevTs) {
            double dtSec = Math.max(ts - prevTs, 1) / 1000.0;
            double x = Math.log(dtSec);
            iaCount++;
            double d = x - iaMean;
            iaMean += d / iaCount;
            iaM2 += d * (x - iaMean);
        }
        if (ts >= prevTs) {
            prevTs = ts;
        }
        counters[C_HOURS + (int) Math.floorMod(ts / 3_600_000L, 24L)]++;
        timeline(ts);
        counters[C_CAPS + s.capability().ordinal()]++;
        hit(CONTENT_COT, s.cotElicitation() >= CONTENT_HIT);
        // a grading prompt that asks the grader to explain its verdict is grading, not reconstruction of a
        // given answer's reasoning: count the tell only outside grading
        hit(CONTENT_RECON, s.reasoningReconstruction() >= CONTENT_HIT && s.rubricGrading() < CONTENT_HIT);
        hit(CONTENT_RUBRIC, s.rubricGrading() >= CONTENT_HIT);
        hit(CONTENT_CENSOR, s.censorshipRewrite() >= CONTENT_HIT);
        hit(CONTENT_STRUCT, s.structuredQa() >= CONTENT_HIT);
        hit(CONTENT_AGENTIC, s.agenticLoop());
        hit(CONTENT_REASONING_MAXED, s.reasoningMaxed());
        hit(CONTENT_SINGLE_TURN, f.singleTurn);
        hit(CONTENT_SATURATED, f.saturated);
        hit(CONTENT_EXTRACTION, s.reasoningReconstruction() >= CONTENT_HIT || s.rubricGrading() >= CONTENT_HIT
                || s.censorshipRewrite() >= CONTENT_HIT || s.structuredQa() >= CONTENT_HIT
                || (s.cotElicitation() >= CONTENT_HIT && s.reasoningMaxed()));
        counters[C_IPCLASS + f.ip.ipClass().ordinal()]++;
        int in = f.inputTokens;
        int out = f.outputTokens;
        if (in > 0 && out >= 0) {
            inputTokens += in;
            outputTokens += out;
        }

        long prompt = s.promptHash();
        // agent loops resend the same task with new tool results: only plain prompts count as repeats
        if (prompt != 0 && f.toolResults == 0) {
            for (long r : recent) {
                if (r == prompt) {
                    burstRepeats++;
                    break;
                }
            }
            recent[recentPos] = prompt;
            recentPos = (recentPos + 1) % RECENT;
            Sketches.kmvAdd(kmv, OFF_PROMPTS, K_PROMPTS, Hashes.mix32(prompt));
        }
        if (f.endUser) {
            Sketches.kmvAdd(kmv, OFF_END_USERS, K_END_USERS, Hashes.mix32(f.endUserHash));
        }
        if (f.addr != null) {
            Sketches.kmvAdd(kmv, OFF_IPS, K_IPS, Hashes.mix32(f.addrHash));
            top(Attribute.IP, f.addrHash, f.addr, sink);
            if (top(Attribute.IP_PREFIX, f.prefixHash)) {
                sink.seen(Attribute.IP_PREFIX, f.prefixHash, f.prefix());
            }
        }
        Sketches.kmvAdd(kmv, OFF_TIME, K_TIME, Hashes.mix32(Math.floorDiv(ts, TIME_BUCKET_MS)));
        // templateKey is equal for prompts of one template; templateHash is a SimHash (near, rarely equal)
        long template = s.templateKey() != 0 ? s.templateKey() : s.templateHash();
        if (template != 0) {
            Sketches.mgAdd(mgKeys, mgCounts, Attribute.TEMPLATE.offset, Attribute.TEMPLATE.k, template, 3);
        }
        if (s.systemHash() != 0) {
            Sketches.mgAdd(mgKeys, mgCounts, Attribute.SYSTEM_PROMPT.offset, Attribute.SYSTEM_PROMPT.k,
                    s.systemHash(), 0);
        }
        top(Attribute.USER_AGENT, f.userAgentHash, f.userAgent, sink);
        top(Attribute.TLS, f.tlsHash, f.tls, sink);
        if (top(Attribute.ASN, f.asnHash)) {
            sink.seen(Attribute.ASN, f.asnHash, f.asn());
        }
        if (f.country != null) {
            top(Attribute.COUNTRY, f.countryHash, f.country, sink);
        }
        if (f.model != null) {
            long mh = f.modelHash;
            int before = Sketches.mgTopFind(mgKeys, mgCounts, Attribute.MODEL.offset, Attribute.MODEL.k, mh);
            int slot = Sketches.mgAdd(mgKeys, mgCounts, Attribute.MODEL.offset, Attribute.MODEL.k, mh, 0);
            if (slot >= 0 && before < 0) {
                modelFirstUse[slot - Attribute.MODEL.offset] = ts;
                modelExchangesBefore[slot - Attribute.MODEL.offset] = (int) Math.min(Integer.MAX_VALUE, exchanges - 1);
                sink.seen(Attribute.MODEL, mh, f.model);
            }
        }
        if (snapshotsTaken < CHECKPOINTS && exchanges == checkpointExchanges(snapshotsTaken)) {
            snapshot(catalog, ts);
        }
    }

    private void timeline(long ts) {
        if (timelineOrigin == Long.MIN_VALUE) {
            timelineOrigin = Math.floorDiv(ts, 3_600_000L) * 3_600_000L;
        }
        long idx = ts < timelineOrigin ? 0 : (ts - timelineOrigin) / timelineWidth;
        while (idx >= TIMELINE_BINS) {
            for (int i = 0; i < TIMELINE_BINS / 2; i++) {
                timeline[i] = timeline[2 * i] + timeline[2 * i + 1];
            }
            java.util.Arrays.fill(timeline, TIMELINE_BINS / 2, TIMELINE_BINS, 0);
            timelineWidth *= 2;
            idx = (ts - timelineOrigin) / timelineWidth;
        }
        timeline[(int) idx]++;
    }

    /** Start of the activity timeline, epoch ms ({@code Long.MIN_VALUE} when empty). */
    public long timelineStart() {
        return timelineOrigin;
    }

    /** Width of a timeline bin, ms. */
    public long timelineBinMillis() {
        return timelineWidth;
    }

    /** Exchanges per timeline bin (copy of {@link #TIMELINE_BINS} counts). */
    public int[] timeline() {
        return timeline.clone();
    }

    /** Exchanges at checkpoint {@code i}: 16, 64, 256, ... */
    public static long checkpointExchanges(int i) {
        return (long) FIRST_CHECKPOINT << (2 * i);
    }

    private void hit(int contentIndex, boolean yes) {
        if (yes) {
            counters[C_CONTENT + contentIndex]++;
        }
    }

    private void top(Attribute a, long h, String value, ValueSink sink) {
        if (top(a, h)) {
            sink.seen(a, h, value);
        }
    }

    /** Counts the value with hash {@code h} (0 = none: not counted); true when it just became a top value. */
    private boolean top(Attribute a, long h) {
        if (h == 0) {
            return false;
        }
        int before = Sketches.mgTopFind(mgKeys, mgCounts, a.offset, a.k, h);
        int slot = Sketches.mgAdd(mgKeys, mgCounts, a.offset, a.k, h, 0);
        return slot >= 0 && before < 0;
    }

    private void snapshot(ModelCatalog catalog, long ts) {
        double[] f = features(catalog);
        int base = snapshotsTaken * Feature.COUNT;
        for (Feature feat : Feature.values()) {
            snapshots[base + feat.ordinal()] = Quantizer.encode(feat, f[feat.ordinal()]);
        }
        snapshotTs[snapshotsTaken] = ts;
        snapshotDistinct[snapshotsTaken] = (float) distinctPrompts();
        snapshotsTaken++;
    }

    /** Number of checkpoint snapshots taken so far. */
    public int checkpoints() {
        return snapshotsTaken;
    }

    /** Event time of checkpoint {@code i} (0-based, below {@link #checkpoints()}). */
    public long checkpointTime(int i) {
        Objects.checkIndex(i, snapshotsTaken);
        return snapshotTs[i];
    }

    /** Features as they were at checkpoint {@code i}, decoded from their quantised form (about 1-4% precision). */
    public double[] checkpointFeatures(int i) {
        Objects.checkIndex(i, snapshotsTaken);
        double[] f = new double[Feature.COUNT];
        int base = i * Feature.COUNT;
        for (Feature feat : Feature.values()) {
            f[feat.ordinal()] = Quantizer.decode(feat, snapshots[base + feat.ordinal()]);
        }
        return f;
    }

    /** Estimated distinct prompts. */
    public double distinctPrompts() {
        return Sketches.kmvEstimate(kmv, OFF_PROMPTS, K_PROMPTS);
    }

    /**
     * Current values of every {@link Feature}, indexed by ordinal.
     *
     * @param catalog model release times
     */
    public double[] features(ModelCatalog catalog) {
        double[] f = new double[Feature.COUNT];
        double n = exchanges;
        f[Feature.EXCHANGES.ordinal()] = n;
        double hours = exchanges == 0 ? 1 : Math.max(1.0, (lastTs - firstTs) / 3_600_000.0);
        f[Feature.RATE_PER_HOUR.ordinal()] = n / hours;
        f[Feature.INTERARRIVAL_LOG_STD.ordinal()] = iaCount < 2 ? Double.NaN : Math.sqrt(iaM2 / (iaCount - 1));
        f[Feature.HOUR_ENTROPY.ordinal()] = hourEntropy();
        f[Feature.SINGLE_TURN_SHARE.ordinal()] = share(CONTENT_SINGLE_TURN);
        f[Feature.OUTPUT_INPUT_RATIO.ordinal()] = inputTokens <= 0 ? Double.NaN : (double) outputTokens / inputTokens;
        f[Feature.MAX_TOKEN_SATURATION.ordinal()] = share(CONTENT_SATURATED);
        f[Feature.REASONING_MAXED_SHARE.ordinal()] = share(CONTENT_REASONING_MAXED);
        f[Feature.COT_SHARE.ordinal()] = share(CONTENT_COT);
        f[Feature.RECONSTRUCTION_SHARE.ordinal()] = share(CONTENT_RECON);
        f[Feature.RUBRIC_SHARE.ordinal()] = share(CONTENT_RUBRIC);
        f[Feature.CENSORSHIP_SHARE.ordinal()] = share(CONTENT_CENSOR);
        f[Feature.STRUCTURED_QA_SHARE.ordinal()] = share(CONTENT_STRUCT);
        f[Feature.AGENTIC_SHARE.ordinal()] = share(CONTENT_AGENTIC);
        f[Feature.EXTRACTION_SHARE.ordinal()] = share(CONTENT_EXTRACTION);
        int maxCap = 0;
        int capTotal = 0;
        for (Capability c : Capability.values()) {
            if (c == Capability.OTHER) {
                continue;
            }
            int v = counters[C_CAPS + c.ordinal()];
            maxCap = Math.max(maxCap, v);
            capTotal += v;
        }
        f[Feature.CAPABILITY_CONCENTRATION.ordinal()] = capTotal == 0 ? Double.NaN : (double) maxCap / capTotal;
        double distinct = distinctPrompts();
        f[Feature.PROMPT_NOVELTY.ordinal()] = n == 0 ? Double.NaN : Math.min(1.0, distinct / n);
        f[Feature.BURST_REPEAT_SHARE.ordinal()] = n == 0 ? 0 : burstRepeats / n;
        f[Feature.COVERAGE_GROWTH.ordinal()] = coverageGrowth(distinct);
        int tt = Sketches.mgTop(mgKeys, mgCounts, Attribute.TEMPLATE.offset, Attribute.TEMPLATE.k);
        f[Feature.TEMPLATE_TOP_SHARE.ordinal()] = tt < 0 || n == 0 ? 0 : mgCounts[tt] / n;
        f[Feature.END_USER_FANOUT.ordinal()] = Sketches.kmvEstimate(kmv, OFF_END_USERS, K_END_USERS);
        double hosting = counters[C_IPCLASS + IpClass.DATACENTER.ordinal()] + counters[C_IPCLASS + IpClass.VPN.ordinal()]
                + counters[C_IPCLASS + IpClass.TOR.ordinal()];
        f[Feature.HOSTING_IP_SHARE.ordinal()] = n == 0 ? 0 : hosting / n;
        f[Feature.IP_DIVERSITY.ordinal()] = Sketches.kmvEstimate(kmv, OFF_IPS, K_IPS);
        newModel(catalog, f);
        return f;
    }

    private double share(int contentIndex) {
        return exchanges == 0 ? 0 : (double) counters[C_CONTENT + contentIndex] / exchanges;
    }

    private double hourEntropy() {
        double h = 0;
        for (int i = 0; i < 24; i++) {
            int c = counters[C_HOURS + i];
            if (c > 0) {
                double p = (double) c / exchanges;
                h -= p * Math.log(p);
            }
        }
        return exchanges == 0 ? 0 : h / Math.log(24);
    }

    /** New distinct prompts per exchange since the latest checkpoint at or below half the current count. */
    private double coverageGrowth(double distinct) {
        int ref = -1;
        for (int i = 0; i < snapshotsTaken; i++) {
            if (checkpointExchanges(i) * 2 <= exchanges) {
                ref = i;
            }
        }
        if (ref < 0) {
            return exchanges == 0 ? Double.NaN : Math.min(1.0, distinct / exchanges);
        }
        double dn = exchanges - checkpointExchanges(ref);
        return Math.max(0, Math.min(1.0, (distinct - snapshotDistinct[ref]) / dn));
    }

    private void newModel(ModelCatalog catalog, double[] f) {
        f[Feature.NEW_MODEL_SHARE.ordinal()] = 0;
        f[Feature.NEW_MODEL_ADOPTION_HOURS.ordinal()] = Double.NaN;
        long after = catalog.newReleaseAfter();
        if (after == ModelCatalog.UNKNOWN) {
            return;
        }
        int best = -1;
        long bestRelease = Long.MIN_VALUE;
        int off = Attribute.MODEL.offset;
        for (int i = 0; i < Attribute.MODEL.k; i++) {
            if (mgCounts[off + i] <= 0) {
                continue;
            }
            long r = catalog.releasedAt(mgKeys[off + i]);
            if (r != ModelCatalog.UNKNOWN && r > after && r > bestRelease) {
                best = i;
                bestRelease = r;
            }
        }
        if (best < 0) {
            return;
        }
        long since = exchanges - modelExchangesBefore[best];
        f[Feature.NEW_MODEL_SHARE.ordinal()] = since <= 0 ? 0 : Math.min(1.0, (double) mgCounts[off + best] / since);
        f[Feature.NEW_MODEL_ADOPTION_HOURS.ordinal()] = Math.max(0, (modelFirstUse[best] - bestRelease) / 3_600_000.0);
    }

    /**
     * Values of {@code a} carried by at least {@code minShare} of the account's exchanges (by their
     * Misra-Gries counts), as hashes ({@link Hashes#of(String)}; template SimHashes for
     * {@link Attribute#TEMPLATE}), most frequent first, ties by hash.
     */
    public long[] topValues(Attribute a, double minShare) {
        int cnt = 0;
        long[] tmp = new long[a.k];
        int[] c = new int[a.k];
        for (int i = 0; i < a.k; i++) {
            int v = mgCounts[a.offset + i];
            if (v > 0 && v >= minShare * exchanges) {
                tmp[cnt] = mgKeys[a.offset + i];
                c[cnt] = v;
                cnt++;
            }
        }
        // insertion sort by count desc, key asc
        for (int i = 1; i < cnt; i++) {
            long k = tmp[i];
            int v = c[i];
            int j = i - 1;
            while (j >= 0 && (c[j] < v || (c[j] == v && tmp[j] > k))) {
                tmp[j + 1] = tmp[j];
                c[j + 1] = c[j];
                j--;
            }
            tmp[j + 1] = k;
            c[j + 1] = v;
        }
        return java.util.Arrays.copyOf(tmp, cnt);
    }

    /** Misra-Gries count kept for value hash {@code h} of attribute {@code a} (0 when not kept). */
    public int count(Attribute a, long h) {
        int i = Sketches.mgTopFind(mgKeys, mgCounts, a.offset, a.k, h);
        return i < 0 ? 0 : mgCounts[i];
    }

    /** Exchanges from addresses of class {@code c}. */
    public int ipClassCount(IpClass c) {
        return counters[C_IPCLASS + c.ordinal()];
    }

    /** Exchanges per capability category. */
    public int capabilityCount(Capability c) {
        return counters[C_CAPS + c.ordinal()];
    }

    /** Exchanges per UTC hour of day (copy, 24 bins). */
    public int[] hourHistogram() {
        return java.util.Arrays.copyOfRange(counters, C_HOURS, C_HOURS + 24);
    }

    /** Estimated number of distinct 10-minute buckets the account was active in. */
    public double activeBuckets() {
        return Sketches.kmvEstimate(kmv, OFF_TIME, K_TIME);
    }

    /** Estimated Jaccard similarity of the sets of 10-minute buckets in which two accounts were active. */
    public double activitySimilarity(AccountProfile other) {
        return Sketches.kmvJaccard(kmv, OFF_TIME, other.kmv, OFF_TIME, K_TIME);
    }

    /** The bottom-k time-bucket signature (copy; unsigned ascending, {@code 0xFFFFFFFF} padded), for LSH banding. */
    public int[] activitySignature() {
        return java.util.Arrays.copyOfRange(kmv, OFF_TIME, OFF_TIME + K_TIME);
    }

    /**
     * Estimated retained heap size of this profile in bytes, assuming a 64-bit JVM with compressed
     * references (12-byte object headers, 16-byte array headers, 8-byte alignment), including the
     * account id string. Constant over the life of the profile except for the id.
     */
    public long estimatedBytes() {
        long self = align(12 + 8 * 8 /* longs */ + 8 * 2 /* doubles */ + 4 * 4 /* ints */ + 4 * 12 /* refs */);
        long arrays = intArray(counters.length) + longArray(mgKeys.length) + intArray(mgCounts.length)
                + longArray(modelFirstUse.length) + intArray(modelExchangesBefore.length) + intArray(kmv.length)
                + longArray(recent.length) + align(16 + snapshots.length) + longArray(snapshotTs.length)
                + align(16 + 4L * snapshotDistinct.length) + intArray(timeline.length);
        long id = align(12 + 4 + 4 + 4) + align(16 + accountId.length() * 2L);
        return self + arrays + id;
    }

    private static long intArray(int n) {
        return align(16 + 4L * n);
    }

    private static long longArray(int n) {
        return align(16 + 8L * n);
    }

    private static long align(long b) {
        return (b + 7) & ~7L;
    }
}
