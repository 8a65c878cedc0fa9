package io.distillguard.engine;

import io.distillguard.cluster.CommunityDetector;
import io.distillguard.enrich.IpInfo;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Activity;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.findings.LinkEvidence;
import io.distillguard.link.AccountGraph;
import io.distillguard.link.LinkAttribute;
import io.distillguard.link.LinkReason;
import io.distillguard.link.LinkSubject;
import io.distillguard.link.Linker;
import io.distillguard.model.Account;
import io.distillguard.model.Exchange;
import io.distillguard.model.ModelRelease;
import io.distillguard.profile.AccountProfile;
import io.distillguard.profile.ExchangeFacts;
import io.distillguard.profile.Attribute;
import io.distillguard.profile.Feature;
import io.distillguard.profile.Hashes;
import io.distillguard.score.Assessment;
import io.distillguard.score.Family;
import io.distillguard.score.Scorer;
import io.distillguard.score.Signal;
import io.distillguard.signals.Capability;
import io.distillguard.signals.ContentAnalyzer;
import io.distillguard.signals.ContentSignals;
import io.distillguard.util.Decimals;
import io.distillguard.util.UnionFind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The detection engine: decode is done by the caller (the reader); this class runs
 * enrich &#8594; signals &#8594; profile per exchange ({@link #accept(Exchange)}, O(1) memory per account), and
 * link &#8594; cluster &#8594; score once at the end ({@link #finish()}).
 *
 * <p>Feed order: signup records ({@link #addAccount}) and model releases ({@link #addModel}) first, then the
 * exchanges in file order. Not thread-safe: one thread feeds it (the CLI reads on another). Same input in
 * the same order gives the same findings, byte for byte once written.
 */
public final class ScanEngine {

    /** Detector name written into the findings. */
    public static final String DETECTOR = "distillguard";

    private static final int MAX_NAMES = 1 << 20;
    private static final int IP_CACHE = 4096;
    private static final int LINKS_PER_CLUSTER = 12;
    private static final int CAMPAIGN_EVIDENCE_PER_MEMBER = 6;

    private final ScanConfig config;
    private final NetworkData network;
    private final ContentAnalyzer analyzer;
    private final Scorer scorer;
    private final Map<String, AccountProfile> profiles = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final ModelRegistry models = new ModelRegistry();
    private final ValueNames names = new ValueNames(MAX_NAMES);
    private final AccountProfile.ValueSink sink = this::remember;
    private final String[] ipCacheKey = new String[IP_CACHE];
    private final IpInfo[] ipCacheVal = new IpInfo[IP_CACHE];
    private long exchanges;
    private Diagnostics lastDiagnostics;
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;

    /**
     * @param config scan configuration
     * @param network IP reference data ({@link NetworkData#empty()} when none)
     * @param analyzer per-exchange content analyser
     */
    public ScanEngine(ScanConfig config, NetworkData network, ContentAnalyzer analyzer) {
        this.config = Objects.requireNonNull(config, "config");
        this.network = Objects.requireNonNull(network, "network");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.scorer = new Scorer(config.score());
    }

    /** Registers a signup record (the last record of an account wins). */
    public void addAccount(Account a) {
        accounts.put(a.accountId(), a);
        remember(LinkAttribute.PAYMENT_FINGERPRINT, a.paymentFingerprint());
        remember(LinkAttribute.PAYMENT_BIN, a.paymentBin());
        remember(LinkAttribute.SIGNUP_IP, a.signupIp());
        remember(LinkAttribute.SIGNUP_PREFIX, Hashes.prefix(a.signupIp()));
        remember(LinkAttribute.EMAIL_DOMAIN, a.emailDomain());
        remember(LinkAttribute.ORG, a.orgId());
        if (a.createdAtMillis() != null) {
            remember(LinkAttribute.SIGNUP_BURST, Linker.signupBurstKey(a));
        }
    }

    /** Registers a model release time. */
    public void addModel(ModelRelease m) {
        models.declare(m);
    }

    /** Processes one exchange (enrich, content signals, profile). Never throws on an exchange the reader produced. */
    public void accept(Exchange e) {
        accept(e, analyzer.analyze(e), lookup(e.client().ip()));
    }

    /**
     * Processes one exchange whose content signals and IP information were computed elsewhere (e.g. on
     * worker threads: {@link ContentAnalyzer#analyze} and {@link NetworkData#lookup} are thread-safe);
     * this part (the profile update) must stay on one thread and in input order.
     */
    public void accept(Exchange e, ContentSignals s, IpInfo ip) {
        accept(ExchangeFacts.of(e, ip), s);
    }

    /**
     * Processes one exchange whose content signals and {@link ExchangeFacts} were computed elsewhere
     * (e.g. on worker threads: {@link ContentAnalyzer#analyze} and {@link ExchangeFacts#of} are
     * thread-safe); must be called on one thread in input order. The same result as
     * {@link #accept(Exchange, ContentSignals, IpInfo)}.
     */
    public void accept(ExchangeFacts f, ContentSignals s) {
        exchanges++;
        long ts = f.tsMillis();
        firstTs = Math.min(firstTs, ts);
        lastTs = Math.max(lastTs, ts);
        models.seen(f.modelHash(), ts);
        AccountProfile p = profiles.get(f.accountId());
        if (p == null) {
            p = new AccountProfile(f.accountId());
            profiles.put(f.accountId(), p);
        }
        p.update(f, s, models, sink);
    }

    /** Exchanges accepted so far. */
    public long exchanges() {
        return exchanges;
    }

    /** Accounts with at least one exchange so far. */
    public int accountsSeen() {
        return profiles.size();
    }

    /** The largest estimated profile size in bytes (see {@link AccountProfile#estimatedBytes()}). */
    public long maxProfileBytes() {
        long m = 0;
        for (AccountProfile p : profiles.values()) {
            m = Math.max(m, p.estimatedBytes());
        }
        return m;
    }

    private IpInfo lookup(String ip) {
        if (ip == null) {
            return IpInfo.UNKNOWN;
        }
        int slot = (ip.hashCode() & 0x7fffffff) % IP_CACHE;
        if (ip.equals(ipCacheKey[slot])) {
            return ipCacheVal[slot];
        }
        IpInfo info = network.lookup(ip);
        if (info == null) {
            info = IpInfo.UNKNOWN;
        }
        ipCacheKey[slot] = ip;
        ipCacheVal[slot] = info;
        return info;
    }

    private void remember(Attribute a, long hash, String value) {
        if (value != null) {
            names.remember(hash, value);
        }
    }

    private void remember(LinkAttribute a, String value) {
        long h = Linker.valueHash(a, value);
        if (h != 0) {
            names.remember(h, value.strip());
        }
    }

    /** Links, clusters and scores everything accepted so far. May be called more than once. */
    public Findings finish() {
        List<String> ids = new ArrayList<>(profiles.keySet());
        ids.sort(null);
        int n = ids.size();
        List<LinkSubject> subjects = new ArrayList<>(n);
        double[][] features = new double[n][];
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            AccountProfile p = profiles.get(id);
            subjects.add(new LinkSubject(id, p, accounts.get(id)));
        }
        Linker linker = new Linker(config.link());
        // features, behavioural fingerprints (null for accounts that take no part) and own assessments (the
        // account alone: coordination is judged on campaigns), by vertex. They do not depend on the graph, so they are
        // computed on a second thread while the linker builds it (this phase is otherwise single-threaded);
        // each index is written by one task only, so the result does not depend on scheduling.
        double[][] fingerprints = new double[n][];
        double[][] vectors = new double[n][];
        Assessment[] own = new Assessment[n];
        Runnable ownPart = () -> {
            for (int i = 0; i < n; i++) {
                AccountProfile p = profiles.get(ids.get(i));
                features[i] = p.features(models);
                fingerprints[i] = linker.behaviourFingerprint(p);
                vectors[i] = SignalVectors.account(features[i], p, accounts.get(ids.get(i)),
                        config.restrictedRegions(), Double.NaN, Double.NaN);
                own[i] = scorer.assess(vectors[i], p.exchanges(), "account");
            }
        };
        FutureTask<Void> ownTask = new FutureTask<>(ownPart, null);
        boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
        if (parallel) {
            Thread helper = new Thread(ownTask, "distillguard-finish");
            helper.setDaemon(true);
            helper.start();
        }
        AccountGraph graph = linker.link(subjects, firstTs == Long.MAX_VALUE ? 0 : firstTs,
                lastTs == Long.MIN_VALUE ? 0 : lastTs);
        if (!parallel) {
            ownTask.run();
        }
        await(ownTask);

        List<int[]> communities = communities(graph, vectors, ids, fingerprints);
        int[] community = new int[n];
        double[] strength = new double[n];
        communities = pruneWeakMembers(graph, communities, community, strength);

        // campaigns
        List<ClusterFinding> clusters = new ArrayList<>();
        Assessment[] campaign = new Assessment[communities.size()];
        String[] clusterIds = new String[communities.size()];
        long[] clusterFirstFlag = new long[communities.size()];
        int width = Math.max(4, Integer.toString(communities.size()).length());
        for (int c = 0; c < communities.size(); c++) {
            int[] members = communities.get(c);
            clusterIds[c] = "c" + String.format(Locale.ROOT, "%0" + width + "d", c + 1);
            long total = 0;
            for (int m : members) {
                total += profiles.get(ids.get(m)).exchanges();
            }
            double[] agg = SignalVectors.campaign(members, vectors, profiles, ids, strength);
            campaign[c] = scorer.assess(agg, total, "campaign");
        }

        // members inherit, first-flag times
        AccountFinding[] findings = new AccountFinding[n];
        Map<String, String> actions = new TreeMap<>();
        for (int c = 0; c < communities.size(); c++) {
            clusterFirstFlag[c] = campaign[c].flagged() ? campaignFirstFlag(communities.get(c), ids, vectors, features)
                    : Long.MIN_VALUE;
        }
        int flaggedAccounts = 0;
        for (int i = 0; i < n; i++) {
            AccountProfile p = profiles.get(ids.get(i));
            int c = community[i];
            // a member inherits when tied strongly enough; one that shows no extraction of its own needs
            // twice the tie (an ordinary customer sharing one coincidental address is not a member)
            double ownExtraction = own[i].family(Family.CONTENT) + own[i].family(Family.BEHAVIOUR);
            boolean inherits = c >= 0 && campaign[c].flagged() && strength[i] >= config.memberMinLinkStrength()
                    && (ownExtraction > 0 || strength[i] >= 2 * config.memberMinLinkStrength());
            boolean flagged = own[i].flagged() || inherits;
            double score = own[i].score();
            List<Evidence> ev = new ArrayList<>(own[i].evidence());
            if (inherits) {
                score = Math.max(score, campaign[c].score());
                ev.add(0, new Evidence("campaign_member", campaign[c].score(), config.score().flagThreshold(),
                        campaign[c].score(), "score",
                        memberDetail(clusterIds[c], communities.get(c).length, campaign[c].score(), strength[i])));
                int k = 0;
                for (Evidence e : campaign[c].evidence()) {
                    if (k++ >= CAMPAIGN_EVIDENCE_PER_MEMBER) {
                        break;
                    }
                    ev.add(new Evidence("campaign." + e.signal(), e.value(), e.baseline(), e.weight(), e.unit(),
                            "campaign aggregate: " + e.detail()));
                }
            }
            Long firstFlag = null;
            long atFlag = -1;
            if (flagged) {
                flaggedAccounts++;
                long[] ff = firstFlag(p, own[i].flagged(), inherits ? clusterFirstFlag[c] : Long.MIN_VALUE,
                        accounts.get(ids.get(i)));
                firstFlag = ff[0];
                atFlag = ff[1];
            }
            findings[i] = new AccountFinding(ids.get(i), consistent(score, flagged), flagged, c < 0 ? null : clusterIds[c], firstFlag,
                    atFlag, p.exchanges(), ev);
            actions.put(ids.get(i), config.score().actionFor(consistent(score, flagged), flagged, inherits));
        }

        lastDiagnostics = new Diagnostics(ids, vectors, own, community, strength, graph, clusterIds);
        int flaggedCampaigns = 0;
        for (int c = 0; c < communities.size(); c++) {
            int[] members = communities.get(c);
            List<String> memberIds = new ArrayList<>();
            long total = 0;
            for (int m : members) {
                memberIds.add(ids.get(m));
                total += profiles.get(ids.get(m)).exchanges();
            }
            memberIds.sort(null);
            boolean flagged = campaign[c].flagged();
            if (flagged) {
                flaggedCampaigns++;
            }
            clusters.add(new ClusterFinding(clusterIds[c], consistent(campaign[c].score(), flagged), flagged, memberIds,
                    total,
                    flagged ? clusterFirstFlag[c] : null,
                    config.score().actionFor(consistent(campaign[c].score(), flagged), flagged, true),
                    campaign[c].evidence(),
                    links(graph, members, community, c, fingerprints), activity(members, ids),
                    capabilityMix(members, ids)));
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", config.mode());
        summary.put("exchanges", exchanges);
        summary.put("accounts", (long) n);
        summary.put("accounts_with_signup_record", (long) subjects.stream().filter(s -> s.account() != null).count());
        summary.put("window_start", firstTs == Long.MAX_VALUE ? null : java.time.Instant.ofEpochMilli(firstTs).toString());
        summary.put("window_end", lastTs == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(lastTs).toString());
        summary.put("graph_edges", (long) graph.edges().size());
        summary.put("communities", (long) communities.size());
        summary.put("campaigns_flagged", (long) flaggedCampaigns);
        summary.put("accounts_flagged", (long) flaggedAccounts);
        summary.put("flag_threshold", config.score().flagThreshold());
        summary.put("max_profile_bytes", maxProfileBytes());
        summary.put("models_file", models.hasDeclared());
        return new Findings(DETECTOR, Arrays.asList(findings), clusters, summary);
    }

    /** The campaign-member evidence sentence (written for every member of a flagged campaign). */
    static String memberDetail(String clusterId, int accounts, double campaignScore, double linkStrength) {
        StringBuilder sb = new StringBuilder(96).append("member of campaign ").append(clusterId).append(" (")
                .append(accounts).append(" accounts, score ");
        Decimals.append(sb, campaignScore, 2).append("), linked to it with weight ");
        return Decimals.append(sb, linkStrength, 2).toString();
    }

    /** Waits for a task of {@link #finish()} and rethrows what it threw. */
    private static void await(FutureTask<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    private record Diagnostics(List<String> ids, double[][] vectors, Assessment[] own, int[] community,
            double[] strength, AccountGraph graph, String[] clusterIds) {
    }

    /**
     * Writes, for the last {@link #finish()}, one CSV row per account with every signal value, its own
     * score, community and link strength; and, when {@code edges} is not null, one row per graph edge with
     * its weight and reasons. For calibration and for analysts who want to see why; not part of the output
     * contract.
     *
     * @throws IllegalStateException when {@link #finish()} has not run
     */
    public void writeDiagnostics(java.io.Writer accountsOut, java.io.Writer edges) throws java.io.IOException {
        Diagnostics d = lastDiagnostics;
        if (d == null) {
            throw new IllegalStateException("finish() has not run");
        }
        StringBuilder h = new StringBuilder("account_id,exchanges,own_score,own_flag,cluster_id,link_strength");
        for (Signal s : Signal.values()) {
            h.append(',').append(s.label());
        }
        accountsOut.write(h.append('\n').toString());
        for (int i = 0; i < d.ids().size(); i++) {
            StringBuilder r = new StringBuilder(d.ids().get(i)).append(',')
                    .append(profiles.get(d.ids().get(i)).exchanges()).append(',')
                    .append(Decimals.fixed(d.own()[i].score(), 4)).append(',')
                    .append(d.own()[i].flagged()).append(',')
                    .append(d.community()[i] < 0 ? "" : d.clusterIds()[d.community()[i]]).append(',')
                    .append(Decimals.fixed(d.strength()[i], 3));
            for (double v : d.vectors()[i]) {
                r.append(',');
                if (!Double.isNaN(v)) {
                    Decimals.append(r, v, 4);
                }
            }
            accountsOut.write(r.append('\n').toString());
        }
        if (edges != null) {
            edges.write("a,b,weight,reasons\n");
            for (AccountGraph.Edge e : d.graph().edges()) {
                StringBuilder r = new StringBuilder(d.ids().get(e.a())).append(',').append(d.ids().get(e.b()))
                        .append(',').append(Decimals.fixed(e.weight(), 4)).append(',');
                for (LinkReason x : e.reasons()) {
                    r.append(x.attribute().label()).append(':').append(x.sharedBy()).append(':')
                            .append(Decimals.fixed(x.weight(), 3)).append(' ');
                }
                edges.write(r.append('\n').toString());
            }
        }
    }

    /** Per-account actions of the last {@link #finish()} result, derived from its findings. */
    public Map<String, String> actions(Findings f) {
        Map<String, String> out = new TreeMap<>();
        Map<String, ClusterFinding> byId = new HashMap<>();
        for (ClusterFinding c : f.clusters()) {
            byId.put(c.clusterId(), c);
        }
        for (AccountFinding a : f.accounts()) {
            boolean campaignFlag = a.clusterId() != null && byId.containsKey(a.clusterId())
                    && byId.get(a.clusterId()).flagged();
            out.put(a.accountId(), config.score().actionFor(a.score(), a.flagged(), campaignFlag));
        }
        return out;
    }

    /**
     * First time (and exchange count) an account would have been flagged: the earliest checkpoint whose
     * snapshot flags the account on its own; or, for a campaign member,
     * the campaign's first-flag time moved to the member's first checkpoint at or after it.
     */
    private long[] firstFlag(AccountProfile p, boolean ownFlag, long campaignTime, Account account) {
        long bestTime = Long.MAX_VALUE;
        long bestCount = -1;
        if (ownFlag) {
            for (int k = 0; k < p.checkpoints(); k++) {
                double[] v = SignalVectors.account(p.checkpointFeatures(k), p, account, config.restrictedRegions(),
                        Double.NaN, Double.NaN);
                if (scorer.assess(v, AccountProfile.checkpointExchanges(k), "account").flagged()) {
                    bestTime = p.checkpointTime(k);
                    bestCount = AccountProfile.checkpointExchanges(k);
                    break;
                }
            }
            if (bestCount < 0) {
                bestTime = p.lastSeen();
                bestCount = p.exchanges();
            }
        }
        if (campaignTime != Long.MIN_VALUE) {
            long t = p.lastSeen();
            long cnt = p.exchanges();
            for (int k = 0; k < p.checkpoints(); k++) {
                if (p.checkpointTime(k) >= campaignTime) {
                    t = p.checkpointTime(k);
                    cnt = AccountProfile.checkpointExchanges(k);
                    break;
                }
            }
            if (p.lastSeen() < campaignTime) {
                t = campaignTime;
                cnt = p.exchanges();
            }
            if (t < bestTime) {
                bestTime = t;
                bestCount = cnt;
            }
        }
        return new long[] {bestTime, bestCount};
    }

    /**
     * When a flagged campaign would first have been flagged: the time by which {@code min_size} of its
     * members had each reached their first checkpoint with extraction evidence (content or behaviour
     * evidence at or above the family minimum in their own snapshot), or, failing that, the last member
     * activity.
     */
    private long campaignFirstFlag(int[] members, List<String> ids, double[][] vectors, double[][] features) {
        List<Long> times = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (int m : members) {
            AccountProfile p = profiles.get(ids.get(m));
            last = Math.max(last, p.lastSeen());
            Account acc = accounts.get(ids.get(m));
            long t = Long.MAX_VALUE;
            for (int k = 0; k < p.checkpoints(); k++) {
                double[] v = SignalVectors.account(p.checkpointFeatures(k), p, acc, config.restrictedRegions(),
                        Double.NaN, Double.NaN);
                Assessment a = scorer.assess(v, AccountProfile.checkpointExchanges(k), "account");
                if (a.family(io.distillguard.score.Family.CONTENT) >= config.score().familyMin()
                        || a.family(io.distillguard.score.Family.BEHAVIOUR) >= config.score().familyMin()) {
                    t = p.checkpointTime(k);
                    break;
                }
            }
            if (t == Long.MAX_VALUE) {
                t = p.lastSeen();
            }
            times.add(t);
        }
        times.sort(null);
        int need = Math.min(times.size(), config.clusterMinSize());
        return need == 0 ? last : times.get(need - 1);
    }

    /**
     * Campaign candidates. Connected components of the strong-edge graph keep sparse pools (a reseller's
     * accounts tied by synchronised activity) whole, but one bridge can also glue an unrelated group to a
     * campaign (a classroom sharing one address with it). So each component with
     * {@code cluster.method = components} is also split by label propagation; every sub-group of at least
     * {@code cluster.min_size} is scored as a campaign on its own traffic (with its members' ties measured
     * within the whole component); flagged sub-groups tied to each other by enough strong edges form one
     * campaign (see {@link #mergeTiedParts}), small leftover groups join the campaign they have a strong tie
     * to, and each unflagged
     * sub-group becomes a community of its own. A component without any flagged sub-group stays whole.
     * With {@code cluster.method = label_propagation} the label groups are used directly.
     */
    private List<int[]> communities(AccountGraph graph, double[][] vectors, List<String> ids,
            double[][] fingerprints) {
        int n = graph.size();
        CommunityDetector lpa = new CommunityDetector(CommunityDetector.Method.LABEL_PROPAGATION,
                config.clusterMinEdgeWeight(), config.clusterRounds(), config.clusterSeed(), 2);
        if (config.clusterMethod() == CommunityDetector.Method.LABEL_PROPAGATION) {
            List<int[]> out = new ArrayList<>();
            for (int[] g : lpa.detect(graph)) {
                if (g.length >= config.clusterMinSize()) {
                    out.add(g);
                }
            }
            return out;
        }
        List<int[]> components = new CommunityDetector(CommunityDetector.Method.COMPONENTS,
                config.clusterMinEdgeWeight(), config.clusterRounds(), config.clusterSeed(), config.clusterMinSize())
                .detect(graph);
        int[] group = new int[n];
        Arrays.fill(group, -1);
        // sub-groups come from what accounts share: similar behaviour says "one script", not "one operator"
        List<int[]> groups = lpa.detect(graph.without(LinkAttribute.SIMILAR_BEHAVIOUR));
        for (int g = 0; g < groups.size(); g++) {
            for (int v : groups.get(g)) {
                group[v] = g;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int[] comp : components) {
            TreeMap<Integer, List<Integer>> parts = new TreeMap<>();
            List<Integer> leftovers = new ArrayList<>();
            for (int v : comp) {
                if (group[v] < 0) {
                    leftovers.add(v);
                } else {
                    parts.computeIfAbsent(group[v], x -> new ArrayList<>()).add(v);
                }
            }
            if (parts.size() <= 1) {
                out.add(comp);
                continue;
            }
            List<int[]> flaggedParts = new ArrayList<>();
            List<int[]> unflagged = new ArrayList<>();
            // ties are measured within the whole component: a sub-group is judged on what it sends
            double[] st = strengthWithin(graph, comp);
            for (List<Integer> part : parts.values()) {
                if (part.size() < config.clusterMinSize()) {
                    leftovers.addAll(part);
                    continue;
                }
                int[] members = part.stream().mapToInt(Integer::intValue).toArray();
                long total = 0;
                for (int m : members) {
                    total += profiles.get(ids.get(m)).exchanges();
                }
                double[] agg = SignalVectors.campaign(members, vectors, profiles, ids, st);
                if (scorer.assess(agg, total, "campaign").flagged()) {
                    flaggedParts.add(members);
                } else {
                    unflagged.add(members);
                }
            }
            if (flaggedParts.isEmpty()) {
                out.add(comp);
                continue;
            }
            int first = out.size();
            List<int[]> campaigns = mergeTiedParts(graph, flaggedParts, fingerprints);
            // an unflagged piece of the same script (its mean fingerprint matches) joins the campaign
            double[][] centre = new double[campaigns.size()][];
            for (int c = 0; c < campaigns.size(); c++) {
                centre[c] = meanFingerprint(campaigns.get(c), fingerprints);
            }
            List<int[]> stillUnflagged = new ArrayList<>();
            for (int[] u : unflagged) {
                double[] cu = meanFingerprint(u, fingerprints);
                int join = -1;
                for (int c = 0; c < campaigns.size() && cu != null && join < 0; c++) {
                    if (centre[c] != null
                            && maxDifference(cu, centre[c]) <= config.clusterMergeMaxBehaviourDistance()) {
                        join = c;
                    }
                }
                if (join < 0) {
                    stillUnflagged.add(u);
                } else {
                    int[] merged = Arrays.copyOf(campaigns.get(join), campaigns.get(join).length + u.length);
                    System.arraycopy(u, 0, merged, campaigns.get(join).length, u.length);
                    Arrays.sort(merged);
                    campaigns.set(join, merged);
                }
            }
            unflagged = stillUnflagged;
            out.addAll(campaigns);
            // small leftover groups join the campaign they are most strongly tied to
            int[] partOf = new int[n];
            Arrays.fill(partOf, -1);
            for (int c = first; c < out.size(); c++) {
                for (int v : out.get(c)) {
                    partOf[v] = c;
                }
            }
            List<List<Integer>> grown = new ArrayList<>();
            for (int c = first; c < out.size(); c++) {
                List<Integer> l = new ArrayList<>();
                for (int v : out.get(c)) {
                    l.add(v);
                }
                grown.add(l);
            }
            for (int v : leftovers) {
                TreeMap<Integer, Double> tie = new TreeMap<>();
                for (int k : graph.incident(v)) {
                    AccountGraph.Edge e = graph.edges().get(k);
                    int o = AccountGraph.other(e, v);
                    if (e.weight() >= config.clusterMinEdgeWeight() && partOf[o] >= 0) {
                        tie.merge(partOf[o], e.weight(), Double::sum);
                    }
                }
                int best = -1;
                for (Map.Entry<Integer, Double> t : tie.entrySet()) {
                    if (best < 0 || t.getValue() > tie.get(best)) {
                        best = t.getKey();
                    }
                }
                if (best >= 0) {
                    grown.get(best - first).add(v);
                }
            }
            for (int c = first; c < out.size(); c++) {
                out.set(c, grown.get(c - first).stream().mapToInt(Integer::intValue).sorted().toArray());
            }
            for (int[] u : unflagged) {
                Arrays.sort(u);
                out.add(u);
            }
        }
        out.sort(java.util.Comparator.<int[]>comparingInt(a -> -a.length).thenComparingInt(a -> a[0]));
        return out;
    }

    /**
     * Groups flagged sub-groups of one component into campaigns: two sub-groups belong to one campaign when
     * the edges between them that are strong without similar behaviour ({@link #withoutBehaviour}) number at
     * least {@code cluster.merge_min_cross_share} of the smaller one's size (and at least 2), or when the
     * mean behavioural fingerprints of their members differ by at most
     * {@code cluster.merge_max_behaviour_distance} in every component (each with at least
     * {@code cluster.min_size} members that have a fingerprint). Label propagation cuts a large sparse pool into pieces that are tied by
     * many edges, which are put back together; two campaigns that merely touch through a coincidental
     * bridge (one signup-hour collision) stay apart. Returns the merged groups, largest first.
     */
    private List<int[]> mergeTiedParts(AccountGraph graph, List<int[]> parts, double[][] fingerprints) {
        int[] partOf = new int[graph.size()];
        Arrays.fill(partOf, -1);
        for (int p = 0; p < parts.size(); p++) {
            for (int v : parts.get(p)) {
                partOf[v] = p;
            }
        }
        Map<Long, int[]> cross = new TreeMap<>();
        for (int p = 0; p < parts.size(); p++) {
            for (int v : parts.get(p)) {
                for (int k : graph.incident(v)) {
                    AccountGraph.Edge e = graph.edges().get(k);
                    int q = partOf[AccountGraph.other(e, v)];
                    if (q > p && withoutBehaviour(e) >= config.clusterMinEdgeWeight()) {
                        cross.computeIfAbsent(((long) p << 32) | q, x -> new int[1])[0]++;
                    }
                }
            }
        }
        UnionFind merged = new UnionFind(parts.size());
        for (Map.Entry<Long, int[]> en : cross.entrySet()) {
            int p = (int) (en.getKey() >>> 32);
            int q = (int) (long) en.getKey();
            int smaller = Math.min(parts.get(p).length, parts.get(q).length);
            if (en.getValue()[0] >= Math.max(2, Math.ceil(config.clusterMergeMinCrossShare() * smaller))) {
                merged.union(p, q);
            }
        }
        // one script split by label propagation (its members share little but behave alike): the mean
        // fingerprints of its pieces agree far more closely than those of two operators' campaigns
        double[][] centre = new double[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            centre[p] = meanFingerprint(parts.get(p), fingerprints);
        }
        for (int p = 0; p < parts.size(); p++) {
            for (int q = p + 1; q < parts.size(); q++) {
                if (centre[p] != null && centre[q] != null
                        && maxDifference(centre[p], centre[q]) <= config.clusterMergeMaxBehaviourDistance()) {
                    merged.union(p, q);
                }
            }
        }
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int p = 0; p < parts.size(); p++) {
            List<Integer> g = groups.computeIfAbsent(merged.find(p), x -> new ArrayList<>());
            for (int v : parts.get(p)) {
                g.add(v);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        out.sort(java.util.Comparator.<int[]>comparingInt(a -> -a.length).thenComparingInt(a -> a[0]));
        return out;
    }

    /**
     * Weight of an edge from its shared values and synchronised activity alone (noisy-OR of its reasons
     * other than similar behaviour): two groups that each behave like one script may still be two
     * operators, and only what they share ties their campaigns together.
     */
    private static double withoutBehaviour(AccountGraph.Edge e) {
        double keep = 1;
        for (LinkReason r : e.reasons()) {
            if (r.attribute() != LinkAttribute.SIMILAR_BEHAVIOUR) {
                keep *= 1 - r.weight();
            }
        }
        return 1 - keep;
    }

    /** Mean behavioural fingerprint of the members that have one; null when fewer than the minimum size do. */
    private double[] meanFingerprint(int[] members, double[][] fingerprints) {
        double[] sum = null;
        int count = 0;
        for (int m : members) {
            double[] f = fingerprints[m];
            if (f == null) {
                continue;
            }
            if (sum == null) {
                sum = new double[f.length];
            }
            for (int i = 0; i < f.length; i++) {
                sum[i] += f[i];
            }
            count++;
        }
        if (count < config.clusterMinSize()) {
            return null;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    private static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** Strong link strength (see {@link #tieStrength}) of each member, indexed by vertex, within the group. */
    private double[] strengthWithin(AccountGraph graph, int[] members) {
        boolean[] in = new boolean[graph.size()];
        for (int v : members) {
            in[v] = true;
        }
        double[] st = new double[graph.size()];
        for (int v : members) {
            st[v] = tieStrength(graph, v, in);
        }
        return st;
    }

    /**
     * How strongly vertex {@code v} is tied to the vertices marked in {@code in}: over its strong edges
     * (weight at least {@code cluster.min_edge_weight}) to them, the sum over distinct shared values of
     * each value's weight. Sharing one signup IP with two members is one piece of evidence, not two;
     * synchronised activity and similar behaviour count once per partner (each pair is its own observation),
     * similar behaviour at most twice its prior in all (it is derived from the same content the campaign's
     * extraction evidence counts, so it must not also carry the whole coordination case).
     */
    private double tieStrength(AccountGraph graph, int v, boolean[] in) {
        java.util.HashMap<String, Double> best = new java.util.HashMap<>();
        double behaviour = 0; // one similar-behaviour reason per partner (one edge per pair)
        for (int k : graph.incident(v)) {
            AccountGraph.Edge e = graph.edges().get(k);
            int o = AccountGraph.other(e, v);
            if (e.weight() < config.clusterMinEdgeWeight() || !in[o]) {
                continue;
            }
            for (LinkReason r : e.reasons()) {
                if (r.attribute() == LinkAttribute.SIMILAR_BEHAVIOUR) {
                    behaviour += r.weight();
                    continue;
                }
                String key = r.attribute() == LinkAttribute.SYNCHRONISED_ACTIVITY
                        ? "sync:" + o : r.attribute().ordinal() + ":" + r.valueHash();
                best.merge(key, r.weight(), Math::max);
            }
        }
        double sum = 0;
        for (double w : new java.util.TreeMap<>(best).values()) {
            sum += w;
        }
        // behaving alike is one observation of the content, however many partners share it
        return sum + Math.min(behaviour, 2 * config.link().prior(LinkAttribute.SIMILAR_BEHAVIOUR));
    }

    /**
     * Computes each member's strong link strength ({@link #tieStrength}), drops members below {@code campaign.member_min_link_strength}
     * (repeatedly, as dropping one weakens others), and discards communities that fall below the minimum
     * size. Fills {@code community} (index or -1) and {@code strength}; returns the surviving communities in
     * their original order.
     */
    private List<int[]> pruneWeakMembers(AccountGraph graph, List<int[]> found, int[] community, double[] strength) {
        Arrays.fill(community, -1);
        for (int c = 0; c < found.size(); c++) {
            for (int v : found.get(c)) {
                community[v] = c;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Arrays.fill(strength, 0);
            for (int c = 0; c < found.size(); c++) {
                boolean[] in = new boolean[community.length];
                int[] members = found.get(c);
                for (int v : members) {
                    in[v] = community[v] == c;
                }
                for (int v : members) {
                    if (in[v]) {
                        strength[v] = tieStrength(graph, v, in);
                    }
                }
            }
            for (int v = 0; v < community.length; v++) {
                if (community[v] >= 0 && strength[v] < config.memberMinLinkStrength()) {
                    community[v] = -1;
                    changed = true;
                }
            }
            int[] size = new int[found.size()];
            for (int c : community) {
                if (c >= 0) {
                    size[c]++;
                }
            }
            for (int v = 0; v < community.length; v++) {
                if (community[v] >= 0 && size[community[v]] < config.clusterMinSize()) {
                    community[v] = -1;
                    changed = true;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        int[] remap = new int[found.size()];
        for (int c = 0; c < found.size(); c++) {
            final int cc = c;
            int[] members = Arrays.stream(found.get(c)).filter(v -> community[v] == cc).toArray();
            remap[c] = members.length == 0 ? -1 : out.size();
            if (members.length > 0) {
                out.add(members);
            }
        }
        for (int v = 0; v < community.length; v++) {
            if (community[v] >= 0) {
                community[v] = remap[community[v]];
            } else {
                strength[v] = 0;
            }
        }
        return out;
    }

    private List<LinkEvidence> links(AccountGraph g, int[] members, int[] community, int c,
            double[][] fingerprints) {
        Map<String, java.util.TreeSet<Integer>> who = new TreeMap<>();
        Map<String, LinkReason> reason = new HashMap<>();
        for (int m : members) {
            for (int k : g.incident(m)) {
                AccountGraph.Edge e = g.edges().get(k);
                if (community[e.a()] != c || community[e.b()] != c) {
                    continue;
                }
                for (LinkReason r : e.reasons()) {
                    String key = r.attribute().label() + "\u0000" + Long.toHexString(r.valueHash());
                    java.util.TreeSet<Integer> set = who.computeIfAbsent(key, x -> new java.util.TreeSet<>());
                    set.add(e.a());
                    set.add(e.b());
                    reason.merge(key, r, (x, y) -> x.weight() >= y.weight() ? x : y);
                }
            }
        }
        List<LinkEvidence> out = new ArrayList<>();
        for (Map.Entry<String, java.util.TreeSet<Integer>> en : who.entrySet()) {
            LinkReason r = reason.get(en.getKey());
            String value = valueName(r);
            if (r.attribute() == LinkAttribute.SIMILAR_BEHAVIOUR) {
                double[] centre = meanFingerprint(members, fingerprints);
                if (centre != null) {
                    value = "behavioural fingerprint (mean of members): " + Linker.describeBehaviour(centre);
                }
            }
            out.add(new LinkEvidence(r.attribute().label(), value, en.getValue().size(), r.weight()));
        }
        out.sort(Comparator.comparingDouble((LinkEvidence l) -> -l.weight() * Math.log1p(l.accounts()))
                .thenComparing(LinkEvidence::attribute).thenComparing(LinkEvidence::value));
        return out.size() > LINKS_PER_CLUSTER ? out.subList(0, LINKS_PER_CLUSTER) : out;
    }

    private String valueName(LinkReason r) {
        if (r.attribute() == LinkAttribute.SYNCHRONISED_ACTIVITY) {
            return "10-minute activity buckets";
        }
        if (r.attribute() == LinkAttribute.SIMILAR_BEHAVIOUR) {
            return "behavioural fingerprint (content mix, token use, pacing)";
        }
        if (r.attribute() == LinkAttribute.TEMPLATE) {
            return "template:" + String.format(Locale.ROOT, "%016x", r.valueHash());
        }
        if (r.attribute() == LinkAttribute.SYSTEM_PROMPT) {
            return "system_prompt:" + String.format(Locale.ROOT, "%016x", r.valueHash());
        }
        String v = names.get(r.valueHash());
        return v != null ? v : String.format(Locale.ROOT, "#%016x", r.valueHash());
    }

    private Activity activity(int[] members, List<String> ids) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int m : members) {
            AccountProfile p = profiles.get(ids.get(m));
            start = Math.min(start, p.timelineStart());
            end = Math.max(end, p.lastSeen());
        }
        if (start == Long.MAX_VALUE || end < start) {
            return Activity.empty();
        }
        long bucket = 3_600_000L;
        while ((end - start) / bucket + 1 > 96) {
            bucket *= 2;
        }
        long[] counts = new long[(int) ((end - start) / bucket + 1)];
        for (int m : members) {
            AccountProfile p = profiles.get(ids.get(m));
            int[] t = p.timeline();
            long w = p.timelineBinMillis();
            for (int b = 0; b < t.length; b++) {
                if (t[b] == 0) {
                    continue;
                }
                long mid = p.timelineStart() + b * w + w / 2;
                int idx = (int) Math.max(0, Math.min(counts.length - 1, (Math.min(mid, end) - start) / bucket));
                counts[idx] += t[b];
            }
        }
        return new Activity(start, bucket, counts);
    }

    private Map<String, Double> capabilityMix(int[] members, List<String> ids) {
        long[] caps = new long[Capability.values().length];
        long total = 0;
        for (int m : members) {
            AccountProfile p = profiles.get(ids.get(m));
            for (Capability c : Capability.values()) {
                caps[c.ordinal()] += p.capabilityCount(c);
                total += p.capabilityCount(c);
            }
        }
        Map<String, Double> mix = new TreeMap<>();
        for (Capability c : Capability.values()) {
            if (caps[c.ordinal()] > 0) {
                mix.put(c.label(), (double) caps[c.ordinal()] / total);
            }
        }
        return mix;
    }

    /**
     * The reported score, consistent with the verdict: a flagged account's score is mapped into
     * [threshold, 1], an unflagged one's into [0, threshold), each keeping its order. Without this an
     * unflagged account with loud single-axis evidence (an LLM-judge platform) could outrank flagged ones.
     */
    private double consistent(double score, boolean flagged) {
        double t = config.score().flagThreshold();
        double s = clamp01(score);
        return flagged ? t + (1 - t) * s : t * s * 0.999;
    }

    private static double clamp01(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }

    /** Features of one account right now (for tests and diagnostics). */
    public double[] features(String accountId) {
        AccountProfile p = profiles.get(accountId);
        return p == null ? null : p.features(models);
    }

    /** Names of {@link Feature}s, for diagnostics output. */
    static String featureName(int ordinal) {
        return Feature.values()[ordinal].signal();
    }

    /** Signal vector length (for tests). */
    static int signals() {
        return Signal.values().length;
    }
}
