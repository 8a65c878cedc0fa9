package io.distillguard.link;

import io.distillguard.model.Account;
import io.distillguard.profile.AccountProfile;
import io.distillguard.profile.Attribute;
import io.distillguard.profile.Hashes;
import io.distillguard.util.LongMap;
import io.distillguard.util.UnionFind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the weighted account graph from profiles and signup records.
 *
 * <p>Every account contributes attribute values (its card, BIN, signup IP and /24, e-mail domain, signup
 * burst key, org, and the values carried by at least {@code minValueShare} of its traffic: IPs, /24s, user
 * agents, TLS prints, system prompts, and templates). An inverted index maps each value to the accounts
 * carrying it; a value shared by {@code df} accounts out of {@code N} has weight
 * {@code prior(kind) * ln(1 + N/df) / ln(1 + N/2)} (an IDF normalised so that a value shared by exactly two
 * accounts has its prior), except for kinds exempt from the rarity discount (by default the payment
 * fingerprint: a card is not "popular", and the more accounts pay with one, the more suspicious it is),
 * which always weigh their prior. Values shared by at most {@code cliqueMax} accounts link every pair; larger
 * groups are linked as a ring lattice (each account to its next {@code ringNeighbours}), which keeps their
 * connectivity at O(df) edges; values shared by more than {@code maxSharedFraction * N} accounts are skipped.
 * Per pair, the best reason of each kind is kept and combined by noisy-OR: {@code 1 - prod(1 - w)}.
 *
 * <p>Templates are matched approximately: SimHashes are split into four 16-bit bands and hashes that agree
 * on a band and differ in at most 3 bits are merged (union-find) into one canonical template before indexing.
 *
 * <p>Synchronised activity: candidate pairs come from an inverted index over the accounts' bottom-k
 * time-bucket signatures (buckets present in more than {@code syncMaxPosting} signatures are skipped: busy
 * hours say nothing); a pair sharing at least {@code syncMinShared} signature buckets gets an edge when the
 * estimated Jaccard J of their active buckets reaches {@code syncMinJaccard}, weighted by
 * {@code prior * min(1, 2 * lift)} with lift {@code (J - E) / (1 - E)} over the Jaccard E expected from the
 * two activity densities (half-way between chance and always together is already full evidence).
 * <p>Similar behaviour: accounts with a distinctive (extraction-style) traffic mix whose behavioural
 * fingerprints are near-identical are linked, at full weight when the behaviour is shared by enough
 * accounts to show a script (see {@link BehaviourLinks}).
 * Nothing is all-pairs: cost is O(sum over values of min(df, cliqueMax)^2).
 *
 * <p>Deterministic: subjects are processed in the order given (the engine sorts them by id) and every map is
 * iterated in key order.
 */
public final class Linker {

    private static final int MAX_REASONS_PER_EDGE = 4;

    private final LinkConfig config;

    /** Creates a linker. */
    public Linker(LinkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Links the subjects.
     *
     * @param subjects accounts, in a deterministic order (vertex i of the graph is subject i)
     * @param windowStart first exchange time of the scan, epoch ms (for activity densities)
     * @param windowEnd last exchange time of the scan, epoch ms
     */
    public AccountGraph link(List<LinkSubject> subjects, long windowStart, long windowEnd) {
        int n = subjects.size();
        LongMap<PairAcc> pairs = new LongMap<>();
        // value index: kind -> value hash -> accounts (ascending)
        Map<LinkAttribute, TreeMap<Long, IntList>> index = new java.util.EnumMap<>(LinkAttribute.class);
        for (LinkAttribute a : LinkAttribute.values()) {
            index.put(a, new TreeMap<>());
        }
        Map<Long, Long> canonicalTemplate = canonicalTemplates(subjects);
        for (int i = 0; i < n; i++) {
            LinkSubject s = subjects.get(i);
            Account acc = s.account();
            if (acc != null) {
                add(index, LinkAttribute.PAYMENT_FINGERPRINT, acc.paymentFingerprint(), i);
                add(index, LinkAttribute.PAYMENT_BIN, acc.paymentBin(), i);
                add(index, LinkAttribute.SIGNUP_IP, acc.signupIp(), i);
                add(index, LinkAttribute.SIGNUP_PREFIX, Hashes.prefix(acc.signupIp()), i);
                add(index, LinkAttribute.EMAIL_DOMAIN, acc.emailDomain(), i);
                add(index, LinkAttribute.ORG, acc.orgId(), i);
                if (acc.createdAtMillis() != null) {
                    add(index, LinkAttribute.SIGNUP_BURST, signupBurstKey(acc), i);
                }
            }
            AccountProfile p = s.profile();
            if (p != null) {
                addAll(index, LinkAttribute.IP, p.topValues(Attribute.IP, config.minValueShare()), i);
                addAll(index, LinkAttribute.IP_PREFIX, p.topValues(Attribute.IP_PREFIX, config.minValueShare()), i);
                addAll(index, LinkAttribute.USER_AGENT, p.topValues(Attribute.USER_AGENT, config.minValueShare()), i);
                addAll(index, LinkAttribute.TLS, p.topValues(Attribute.TLS, config.minValueShare()), i);
                addAll(index, LinkAttribute.SYSTEM_PROMPT,
                        p.topValues(Attribute.SYSTEM_PROMPT, config.minValueShare()), i);
                long[] t = p.topValues(Attribute.TEMPLATE, config.minTemplateShare());
                long[] canon = new long[t.length];
                for (int k = 0; k < t.length; k++) {
                    canon[k] = canonicalTemplate.getOrDefault(t[k], t[k]);
                }
                addAll(index, LinkAttribute.TEMPLATE, canon, i);
            }
        }
        double norm = Math.log(1 + n / 2.0);
        int maxShared = Math.max(config.cliqueMax(), (int) Math.floor(config.maxSharedFraction() * n));
        for (Map.Entry<LinkAttribute, TreeMap<Long, IntList>> kind : index.entrySet()) {
            LinkAttribute a = kind.getKey();
            double prior = config.prior(a);
            if (prior <= 0) {
                continue;
            }
            for (Map.Entry<Long, IntList> v : kind.getValue().entrySet()) {
                IntList members = v.getValue().distinct();
                int df = members.size;
                if (df < 2 || df > maxShared) {
                    continue;
                }
                double w = config.rarityDiscounted(a) ? prior * Math.min(1.0, Math.log(1 + (double) n / df) / norm)
                        : prior;
                LinkReason reason = new LinkReason(a, v.getKey(), df, w);
                if (df <= config.cliqueMax()) {
                    for (int x = 0; x < df; x++) {
                        for (int y = x + 1; y < df; y++) {
                            pair(pairs, members.get(x), members.get(y)).offer(reason);
                        }
                    }
                } else {
                    for (int x = 0; x < df; x++) {
                        for (int r = 1; r <= config.ringNeighbours(); r++) {
                            int y = (x + r) % df;
                            if (y != x) {
                                pair(pairs, members.get(x), members.get(y)).offer(reason);
                            }
                        }
                    }
                }
            }
        }
        syncEdges(subjects, pairs, windowStart, windowEnd);
        behaviourEdges(subjects, pairs);

        List<AccountGraph.Edge> edges = new ArrayList<>();
        for (long key : pairs.sortedKeys()) {
            PairAcc acc = pairs.get(key);
            double w = acc.weight();
            if (w <= config.minEdgeWeight()) {
                continue;
            }
            edges.add(new AccountGraph.Edge((int) (key >>> 32), (int) key, w, acc.reasons()));
        }
        List<String> ids = new ArrayList<>(n);
        for (LinkSubject s : subjects) {
            ids.add(s.accountId());
        }
        return new AccountGraph(ids, edges);
    }

    /**
     * The hash under which a signup-record value of kind {@code a} is indexed (and reported in
     * {@link LinkReason#valueHash()}): {@link Hashes#of(String)} of the stripped value, lower-cased for
     * e-mail domains; 0 for null or blank.
     */
    public static long valueHash(LinkAttribute a, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        return Hashes.of(a == LinkAttribute.EMAIL_DOMAIN ? value.toLowerCase(Locale.ROOT).strip() : value.strip());
    }

    /** Key of a signup burst: the signup hour (epoch hours) and the e-mail local-part shape; needs a signup time. */
    public static String signupBurstKey(Account a) {
        String shape = a.emailLocalShape() == null ? "?" : a.emailLocalShape().toLowerCase(Locale.ROOT);
        return (a.createdAtMillis() / 3_600_000L) + "|" + shape;
    }

    private void syncEdges(List<LinkSubject> subjects, LongMap<PairAcc> pairs, long start, long end) {
        double prior = config.prior(LinkAttribute.SYNCHRONISED_ACTIVITY);
        if (prior <= 0 || end <= start) {
            return;
        }
        double windowBuckets = Math.max(1.0, (end - start) / (double) AccountProfile.TIME_BUCKET_MS + 1);
        // inverted index: signature bucket -> accounts (ascending)
        LongMap<IntList> postings = new LongMap<>();
        int[][] signatures = new int[subjects.size()][];
        for (int i = 0; i < subjects.size(); i++) {
            AccountProfile p = subjects.get(i).profile();
            if (p == null || p.exchanges() < config.syncMinExchanges()) {
                continue;
            }
            signatures[i] = p.activitySignature();
            for (int h : signatures[i]) {
                if (h != 0xFFFFFFFF) {
                    postings.computeIfAbsent(h, x -> new IntList()).add(i);
                }
            }
        }
        // buckets shared with later accounts, counted in a dense array per account (signature values are
        // distinct): pairs come out in ascending (a, b) order without a map of every co-occurring pair
        int[] shared = new int[subjects.size()];
        IntList touched = new IntList();
        for (int a = 0; a < signatures.length; a++) {
            if (signatures[a] == null) {
                continue;
            }
            for (int h : signatures[a]) {
                IntList l = h == 0xFFFFFFFF ? null : postings.get(h);
                if (l == null || l.size < 2 || l.size > config.syncMaxPosting()) {
                    continue;
                }
                for (int x = l.size - 1; x >= 0 && l.get(x) > a; x--) {
                    int b = l.get(x);
                    if (shared[b]++ == 0) {
                        touched.add(b);
                    }
                }
            }
            Arrays.sort(touched.a, 0, touched.size);
            for (int t = 0; t < touched.size; t++) {
                int b = touched.get(t);
                int together = shared[b];
                shared[b] = 0;
                if (together >= config.syncMinShared()) {
                    offerSync(subjects, pairs, a, b, prior, windowBuckets);
                }
            }
            touched.size = 0;
        }
    }

    /** Offers a synchronised-activity reason for accounts a < b when their activity overlaps beyond chance. */
    private void offerSync(List<LinkSubject> subjects, LongMap<PairAcc> pairs, int a, int b, double prior,
            double windowBuckets) {
        AccountProfile pa = subjects.get(a).profile();
        AccountProfile pb = subjects.get(b).profile();
        double j = pa.activitySimilarity(pb);
        if (j < config.syncMinJaccard()) {
            return;
        }
        double da = Math.min(1, pa.activeBuckets() / windowBuckets);
        double db = Math.min(1, pb.activeBuckets() / windowBuckets);
        double expected = da + db - da * db <= 0 ? 0 : da * db / (da + db - da * db);
        double lift = expected >= 1 ? 0 : (j - expected) / (1 - expected);
        if (lift <= 0) {
            return;
        }
        double w = prior * Math.min(1, 2 * lift);
        pair(pairs, a, b).offer(new LinkReason(LinkAttribute.SYNCHRONISED_ACTIVITY, 0, 2, w));
    }

    /**
     * The behavioural fingerprint the similar-behaviour links compare (21 components in [0, 1], see
     * {@code link.behaviour.*} in the config reference), or null when the account does not take part
     * (fewer than {@code behaviourMinExchanges} exchanges or an extraction-style share under
     * {@code behaviourMinExtraction}).
     */
    public double[] behaviourFingerprint(AccountProfile p) {
        return BehaviourLinks.vector(p, config.behaviourMinExchanges(), config.behaviourMinExtraction());
    }

    /** A short description of a fingerprint for analysts (largest content shares, then pacing components). */
    public static String describeBehaviour(double[] fingerprint) {
        return BehaviourLinks.describe(fingerprint);
    }

    private void behaviourEdges(List<LinkSubject> subjects, LongMap<PairAcc> pairs) {
        double prior = config.prior(LinkAttribute.SIMILAR_BEHAVIOUR);
        if (prior <= 0) {
            return;
        }
        double[][] vectors = new double[subjects.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = BehaviourLinks.vector(subjects.get(i).profile(), config.behaviourMinExchanges(),
                    config.behaviourMinExtraction());
        }
        for (BehaviourLinks.Pair p : BehaviourLinks.pairs(vectors, prior,
                config.behaviourMaxDistance(), config.cliqueMax(), config.behaviourMaxComparisons(),
                config.behaviourFullSupport(), subjects.size(), config.behaviourMaxSharedFraction())) {
            pair(pairs, p.a(), p.b()).offer(new LinkReason(LinkAttribute.SIMILAR_BEHAVIOUR, 0, 2, p.weight()));
        }
    }

    /**
     * Maps each main template SimHash to a canonical representative (the smallest hash of its group),
     * grouping hashes within 3 bits found through 16-bit band buckets.
     */
    private Map<Long, Long> canonicalTemplates(List<LinkSubject> subjects) {
        java.util.TreeSet<Long> all = new java.util.TreeSet<>();
        for (LinkSubject s : subjects) {
            if (s.profile() != null) {
                for (long t : s.profile().topValues(Attribute.TEMPLATE, config.minTemplateShare())) {
                    all.add(t);
                }
            }
        }
        long[] hashes = all.stream().mapToLong(Long::longValue).toArray();
        // sorted hashes: each set's representative, its smallest index, is its smallest hash
        UnionFind sameTemplate = new UnionFind(hashes.length);
        for (int band = 0; band < 4; band++) {
            TreeMap<Integer, IntList> buckets = new TreeMap<>();
            for (int i = 0; i < hashes.length; i++) {
                int b = (int) ((hashes[i] >>> (16 * band)) & 0xFFFF);
                buckets.computeIfAbsent(b, x -> new IntList()).add(i);
            }
            for (IntList l : buckets.values()) {
                int m = Math.min(l.size, 256);
                for (int x = 0; x < m; x++) {
                    for (int y = x + 1; y < m; y++) {
                        if (Long.bitCount(hashes[l.get(x)] ^ hashes[l.get(y)]) <= 3) {
                            sameTemplate.union(l.get(x), l.get(y));
                        }
                    }
                }
            }
        }
        Map<Long, Long> canon = new HashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            canon.put(hashes[i], hashes[sameTemplate.find(i)]);
        }
        return canon;
    }

    private static void add(Map<LinkAttribute, TreeMap<Long, IntList>> index, LinkAttribute a, String value, int i) {
        if (value == null || value.isBlank()) {
            return;
        }
        long h = valueHash(a, value);
        index.get(a).computeIfAbsent(h, x -> new IntList()).add(i);
    }

    private static void addAll(Map<LinkAttribute, TreeMap<Long, IntList>> index, LinkAttribute a, long[] values,
            int i) {
        for (long h : values) {
            if (h != 0) {
                index.get(a).computeIfAbsent(h, x -> new IntList()).add(i);
            }
        }
    }

    private static long key(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
    }

    private static PairAcc pair(LongMap<PairAcc> pairs, int a, int b) {
        return pairs.computeIfAbsent(key(a, b), k -> new PairAcc());
    }

    /** Best reason per attribute kind for one pair. */
    private static final class PairAcc {
        private final LinkReason[] best = new LinkReason[LinkAttribute.values().length];

        void offer(LinkReason r) {
            int k = r.attribute().ordinal();
            if (best[k] == null || r.weight() > best[k].weight()
                    || (r.weight() == best[k].weight() && r.valueHash() < best[k].valueHash())) {
                best[k] = r;
            }
        }

        double weight() {
            double keep = 1;
            for (LinkReason r : best) {
                if (r != null) {
                    keep *= 1 - r.weight();
                }
            }
            return 1 - keep;
        }

        List<LinkReason> reasons() {
            List<LinkReason> out = new ArrayList<>();
            for (LinkReason r : best) {
                if (r != null) {
                    out.add(r);
                }
            }
            out.sort(Comparator.comparingDouble(LinkReason::weight).reversed()
                    .thenComparing(r -> r.attribute().ordinal()));
            return out.size() > MAX_REASONS_PER_EDGE ? out.subList(0, MAX_REASONS_PER_EDGE) : out;
        }
    }

    /** Growable int list. */
    static final class IntList {
        int[] a = new int[4];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        /** Removes consecutive duplicates (values are added in ascending order). */
        IntList distinct() {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (w == 0 || a[w - 1] != a[r]) {
                    a[w++] = a[r];
                }
            }
            size = w;
            return this;
        }
    }
}
