package io.distillguard.sim;

import io.distillguard.model.Api;
import io.distillguard.sim.PromptPools.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Legitimate personas. Each looks suspicious on one axis on purpose (volume, templates, CoT requests,
 * shared IPs or cards, signup bursts, tool loops, rubric prompts); all are labelled {@code benign}.
 */
final class Benign {

    static final String CHAT = "chat_user";
    static final String SAAS = "saas_backend";
    static final String BENCH = "benchmark_runner";
    static final String CLASS = "classroom";
    static final String ENTERPRISE = "enterprise";
    static final String CODING = "coding_agent";
    static final String JUDGE = "llm_judge_platform";

    private static final Pool[] CHAT_POOLS = {Pool.CHAT, Pool.INSTRUCT, Pool.CODE, Pool.MATH, Pool.MMLU, Pool.TOOL};

    private Benign() {
    }

    /** Adds every benign persona to the world; counts scale with {@code w.scale}. */
    static void build(World w) {
        int chat = w.scaled(2200, 1);
        for (int i = 0; i < chat; i++) {
            SplittableRandom r = Rand.child(w.seed, CHAT + "/" + i);
            w.add(new ChatUser(w, r).start());
        }
        for (int i = 0, n = w.scaled(3, 1); i < n; i++) {
            SaasBackend s = new SaasBackend(w, Rand.child(w.seed, SAAS + "/" + i), i);
            s.peakPerDay *= w.volumeFactor(3, n);
            w.add(s.start());
        }
        for (int i = 0, n = w.scaled(24, 1); i < n; i++) {
            w.add(new BenchmarkRunner(w, Rand.child(w.seed, BENCH + "/" + i)));
        }
        for (int i = 0, n = w.scaled(6, 1); i < n; i++) {
            Classroom.build(w, Rand.child(w.seed, CLASS + "/" + i));
        }
        for (int i = 0, n = w.scaled(8, 1); i < n; i++) {
            Enterprise.build(w, Rand.child(w.seed, ENTERPRISE + "/" + i));
        }
        for (int i = 0, n = w.scaled(70, 1); i < n; i++) {
            w.add(new CodingAgent(w, Rand.child(w.seed, CODING + "/" + i)).start());
        }
        for (int i = 0, n = w.scaled(4, 1); i < n; i++) {
            JudgePlatform j = new JudgePlatform(w, Rand.child(w.seed, JUDGE + "/" + i));
            j.peakPerDay *= w.volumeFactor(4, n);
            w.add(j.start());
        }
    }

    // ------------------------------------------------------------------ shared setup

    static void setClient(SimAccount a, Clients.Client c, SplittableRandom r, int keys) {
        a.client = c;
        a.api = Clients.apiFor(c, r);
        a.keyIds = new String[keys];
        for (int i = 0; i < keys; i++) {
            a.keyIds[i] = "key_" + Rand.alnum(r, 10);
        }
        a.apiOmitShare = r.nextDouble() < 0.5 ? 0.0 : 0.05 + 0.4 * r.nextDouble();
    }

    static IpRanges.Range homeRange(World w, SplittableRandom r) {
        return w.ranges.pick(r, IpRanges.NetClass.RESIDENTIAL);
    }

    static PromptRecord prompt(World w, Pool p, SplittableRandom r) {
        return Content.pickFrom(w.prompts.pool(p), r);
    }

    /** Reasoning knobs of a person who likes a reasoning mode: effort on OpenAI shapes, budget on Anthropic. */
    static void reasoning(SimEvent e, SplittableRandom r, double share) {
        if (r.nextDouble() >= share) {
            return;
        }
        if (e.api == Api.ANTHROPIC_MESSAGES && r.nextDouble() < 0.8) {
            e.thinkingBudget = Rand.pick(r, 1024, 2048, 4000, 8000, 10000, 16000);
            e.maxTokens = e.thinkingBudget + Rand.pick(r, 2048, 4096, 8192);
        } else {
            e.effort = Rand.pick(r, "low", "medium", "medium", "high", "minimal");
        }
    }

    // ------------------------------------------------------------------ chat users

    /** A person chatting through an SDK or a small script: diurnal, multi-turn, varied content. */
    static final class ChatUser extends AccountSource {
        private final double[] poolWeights = {46, 24, 14, 7, 3, 6};
        private final double reasoningShare;
        private final double stepShare;
        private final Double temperature;
        private final List<SimEvent.Msg> conv = new ArrayList<>();
        private String system;
        private int turnsLeft;
        private PromptRecord topic;
        private Pool topicPool;
        private boolean retry;

        ChatUser(World w, SplittableRandom r) {
            super(w, w.newAccount(r, "benign", "", CHAT), r);
            IpRanges.Range home = homeRange(w, r);
            a.createdAt = Identity.createdBefore(w, r, 400);
            if (r.nextDouble() < 0.06) {
                a.createdAt = w.start + (long) (r.nextDouble() * (w.end - w.start) * 0.8);
            }
            Identity.ordinary(a, r, home.country());
            a.tzOffset = Identity.tzOffset(home.country(), r);
            a.signupIp = home.randomIp(r);
            boolean student = r.nextDouble() < 0.05;
            IpRanges.Range main = student ? w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY) : home;
            IpRanges.Range vpn = r.nextDouble() < 0.07 ? w.ranges.pick(r, IpRanges.NetClass.VPN) : null;
            a.network = Networks.home(main, homeRange(w, r), 0.08, vpn, vpn == null ? 0 : 0.6, r);
            setClient(a, Clients.developer(r), r, r.nextDouble() < 0.2 ? 2 : 1);
            a.prefersMini = r.nextDouble() < 0.3;
            a.adoptAt = w.models.ordinaryAdoption(r);
            poolWeights[r.nextInt(poolWeights.length)] += 30;
            reasoningShare = r.nextDouble() < 0.22 ? 0.3 + 0.6 * r.nextDouble() : 0.0;
            stepShare = r.nextDouble() < 0.25 ? 0.05 + 0.2 * r.nextDouble() : 0.01;
            temperature = r.nextDouble() < 0.3 ? Rand.pick(r, 0.0, 0.2, 0.7, 1.0) : null;
            system = r.nextDouble() < 0.3 ? prompt(w, Pool.CHAT, r).text() : null;
            peakPerDay = Rand.logNormal(r, 1.6, 0.9);
        }

        @Override
        double activity(long ts) {
            return Rhythm.human(ts, a.tzOffset);
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            if (!retry) {
                if (turnsLeft <= 0) {
                    conv.clear();
                    topicPool = CHAT_POOLS[Rand.weighted(r, poolWeights)];
                    topic = prompt(w, topicPool, r);
                    String text = topic.text();
                    if ((topicPool == Pool.MATH || topicPool == Pool.MMLU || r.nextDouble() < 0.2)
                            && r.nextDouble() < stepShare * 3) {
                        text = Content.fill(Rand.pick(r, Content.BENIGN_STEP), text);
                    }
                    conv.add(SimEvent.Msg.user(text));
                    turnsLeft = 1;
                    while (turnsLeft < 8 && r.nextDouble() < 0.5) {
                        turnsLeft++;
                    }
                    if (r.nextDouble() < 0.1) {
                        system = r.nextDouble() < 0.5 ? null : prompt(w, Pool.CHAT, r).text();
                    }
                } else {
                    String last = conv.get(conv.size() - 1).text();
                    conv.add(SimEvent.Msg.assistant(Content.reply(last, r)));
                    int k = conv.size() / 2;
                    String follow = k - 1 < topic.turns().size() ? topic.turns().get(k - 1)
                            : r.nextDouble() < 0.85 ? Rand.pick(r, Content.FOLLOW_UPS)
                            : prompt(w, topicPool, r).text();
                    conv.add(SimEvent.Msg.user(follow));
                }
            }
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.system = system;
            e.developerRole = r.nextDouble() < 0.1;
            e.messages.addAll(conv);
            e.temperature = temperature;
            reasoning(e, r, reasoningShare);
            if (e.maxTokens == null && r.nextDouble() < 0.4) {
                e.maxTokens = Rand.pick(r, 512, 1024, 2048, 4096);
            }
            e.stream = r.nextDouble() < 0.35;
            Traffic.Out kind = topicPool == Pool.CODE ? Traffic.Out.CODE
                    : topicPool == Pool.MATH ? Traffic.Out.MATH : Traffic.Out.CHAT;
            Traffic.finish(e, r, kind, 0.012, 0);
            out.accept(e);
            retry = e.status != 200 && r.nextDouble() < 0.7;
            if (retry) {
                next = ts + Rand.between(r, 1500, 30_000);
                next = next < w.end ? next : Long.MAX_VALUE;
                return;
            }
            turnsLeft--;
            next = after(ts, turnsLeft > 0, 75_000);
        }
    }

    // ------------------------------------------------------------------ SaaS backends

    private static final String[] SAAS_SYSTEM = {
        "You are the support assistant of an online electronics store. Answer the customer's message politely and "
            + "concisely. If the question is about an order, ask for the order number. Never invent policies.",
        "You are a writing assistant embedded in a note-taking app. Improve, continue or answer the user's text as "
            + "requested. Keep the user's language and tone. Output only the result.",
        "You help small businesses draft marketing copy. Given the user's request, produce clear, friendly text. "
            + "Avoid superlatives and unverifiable claims.",
        "You are a tutoring assistant for a homework-help app. Help the student understand the problem; explain the "
            + "method before giving the answer.",
        "You are an internal knowledge assistant. Answer employee questions using general best practices; say when "
            + "something depends on company policy.",
    };

    /** One account serving a consumer app: huge volume, one system prompt, many end users, cloud egress. */
    static final class SaasBackend extends AccountSource {
        private final String system;
        private final int endUsers;
        private final String userPrefix;
        private final double temperature;
        private final int maxTokens;
        private final boolean jsonMode;
        private final Pool userPool;

        SaasBackend(World w, SplittableRandom r, int index) {
            super(w, w.newAccount(r, "benign", "", SAAS), r);
            IpRanges.Range cloud = w.ranges.pick(r, IpRanges.NetClass.DATACENTER);
            a.createdAt = Identity.createdBefore(w, r, 500);
            a.emailDomain = Identity.companyDomain(r);
            a.emailShape = Rand.pick(r, "aaaa", "aaaa.aaaa", "aaaaaaaa");
            a.paymentFingerprint = Identity.cardFingerprint(r);
            a.paymentBin = Identity.bin(r);
            a.billingCountry = cloud.country().isEmpty() ? "US" : cloud.country();
            a.declaredCountry = a.billingCountry;
            a.program = r.nextDouble() < 0.5 ? "startup" : "standard";
            a.verified = true;
            a.orgId = "org_" + Rand.alnum(r, 12);
            a.signupIp = homeRange(w, r).randomIp(r);
            a.tzOffset = Identity.tzOffset(a.billingCountry, r);
            a.network = Networks.egress(cloud, Networks.addresses(cloud, Rand.between(r, 2, 6), r));
            setClient(a, Clients.backend(r), r, Rand.between(r, 2, 4));
            a.adoptAt = r.nextDouble() < 0.5 ? Long.MAX_VALUE : w.models.nextRelease + (long) (Rand.logNormal(r, 4, 0.5) * Times.DAY);
            system = SAAS_SYSTEM[index % SAAS_SYSTEM.length];
            endUsers = Rand.between(r, 3000, 60000);
            userPrefix = Rand.pick(r, "u_", "user-", "cust_", "");
            temperature = Rand.pick(r, 0.2, 0.3, 0.5, 0.7);
            maxTokens = Rand.pick(r, 512, 800, 1024, 1500);
            jsonMode = r.nextDouble() < 0.25;
            userPool = r.nextDouble() < 0.6 ? Pool.CHAT : Pool.INSTRUCT;
            peakPerDay = Rand.logNormal(r, 1800, 0.4);
        }

        @Override
        double activity(long ts) {
            return Rhythm.backend(ts, a.tzOffset);
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.system = system;
            String user = prompt(w, r.nextDouble() < 0.85 ? userPool : Pool.INSTRUCT, r).text();
            if (r.nextDouble() < 0.15) {
                e.messages.add(SimEvent.Msg.user(prompt(w, userPool, r).text()));
                e.messages.add(SimEvent.Msg.assistant(Content.reply(e.messages.get(0).text(), r)));
            }
            e.messages.add(SimEvent.Msg.user(user));
            int u = (int) Math.min(endUsers - 1, Rand.exp(r, endUsers / 6.0));
            e.endUserId = userPrefix + Integer.toString(Math.abs((int) Rand.mix(u * 7919L + a.id.hashCode())), 36);
            e.endUserField = r.nextDouble() < 0.5;
            e.temperature = temperature;
            e.maxTokens = maxTokens;
            e.jsonObject = jsonMode && e.api != Api.ANTHROPIC_MESSAGES;
            Traffic.finish(e, r, Traffic.Out.CHAT, 0.02, system.length() > 1024 ? system.length() : 0);
            out.accept(e);
            next = nextStart(ts);
        }
    }

    // ------------------------------------------------------------------ benchmark runners

    /** Runs a fixed benchmark item set with a CoT template several times, each run a burst. */
    static final class BenchmarkRunner extends Source {
        private final World w;
        private final SimAccount a;
        private final SplittableRandom r;
        private final List<PromptRecord> items = new ArrayList<>();
        private final long[] runStarts;
        private final String[] templates;
        private final Traffic.Out kind;
        private final double concurrencyGapMs;
        private int run;
        private int pos;
        private int template;
        private int repeats;

        BenchmarkRunner(World w, SplittableRandom r) {
            this.w = w;
            this.r = r;
            this.a = w.newAccount(r, "benign", "", BENCH);
            boolean lab = r.nextDouble() < 0.4;
            IpRanges.Range range = lab ? w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY)
                    : w.ranges.pick(r, IpRanges.NetClass.DATACENTER);
            a.createdAt = Identity.createdBefore(w, r, 300);
            a.emailDomain = lab ? uniDomain(range) : Identity.companyDomain(r);
            a.emailShape = Identity.ordinaryShape(r);
            a.paymentFingerprint = Identity.cardFingerprint(r);
            a.paymentBin = Identity.bin(r);
            a.billingCountry = range.country();
            a.declaredCountry = range.country();
            a.program = lab ? "research" : Rand.pick(r, "standard", "startup");
            a.verified = lab || r.nextDouble() < 0.5;
            a.signupIp = range.randomIp(r);
            a.tzOffset = Identity.tzOffset(range.country(), r);
            a.network = Networks.egress(range, Networks.addresses(range, Rand.between(r, 1, 3), r));
            setClient(a, r.nextDouble() < 0.5 ? Clients.openaiPython(r) : Clients.backend(r), r, 1);
            // benchmark runners evaluate new models quickly: a hard negative for release chasing
            a.adoptAt = r.nextDouble() < 0.6 ? w.models.nextRelease + (long) (Rand.exp(r, 0.7) * Times.DAY)
                    : Long.MAX_VALUE;
            int suite = Rand.weighted(r, 40, 35, 15, 10);
            Pool pool = suite == 0 ? Pool.MATH : suite == 1 ? Pool.MMLU : suite == 2 ? Pool.HUMANEVAL : Pool.INSTRUCT;
            templates = suite == 0 ? Content.GSM_COT : suite == 1 ? Content.MMLU_COT
                    : suite == 2 ? Content.HUMANEVAL_TPL : new String[] {"{p}"};
            kind = suite == 0 ? Traffic.Out.MATH : suite == 1 ? Traffic.Out.MATH
                    : suite == 2 ? Traffic.Out.CODE : Traffic.Out.CHAT;
            List<PromptRecord> p = w.prompts.pool(pool);
            int n = Math.min(p.size(), Rand.between(r, 50, 300));
            int off = r.nextInt(p.size());
            for (int i = 0; i < n; i++) {
                items.add(p.get((off + i * 7) % p.size()));
            }
            int runs = Rand.between(r, 2, 6);
            runStarts = new long[runs];
            for (int i = 0; i < runs; i++) {
                runStarts[i] = w.start + (long) (r.nextDouble() * (w.end - w.start - Times.HOUR));
            }
            if (a.adoptAt != Long.MAX_VALUE && runs > 1 && a.adoptAt < w.end) {
                runStarts[runs - 1] = a.adoptAt; // re-run the suite on the new model
            }
            java.util.Arrays.sort(runStarts);
            concurrencyGapMs = Rand.logNormal(r, 900, 0.6);
            startRun();
            next = runStarts[0];
        }

        private void startRun() {
            pos = 0;
            template = r.nextInt(templates.length);
            repeats = r.nextDouble() < 0.15 ? Rand.between(r, 2, 4) : 1;
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            PromptRecord item = items.get(pos % items.size());
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.messages.add(SimEvent.Msg.user(Content.fill(templates[template], item.text())));
            e.temperature = repeats > 1 ? 0.7 : 0.0;
            e.maxTokens = kind == Traffic.Out.CODE ? 1024 : 2048;
            if (r.nextDouble() < 0.15) {
                e.seed = 1234L;
            }
            Traffic.finish(e, r, kind, 0.03, 0);
            out.accept(e);
            pos++;
            if (pos < items.size() * repeats) {
                next = ts + (long) Math.max(50, Rand.exp(r, concurrencyGapMs));
            } else {
                run++;
                if (run >= runStarts.length) {
                    next = Long.MAX_VALUE;
                } else {
                    startRun();
                    next = Math.max(ts + Times.MINUTE, runStarts[run]);
                }
            }
            if (next >= w.end) {
                next = Long.MAX_VALUE;
            }
        }
    }

    /** An e-mail domain derived from a university's ASN organisation name. */
    static String uniDomain(IpRanges.Range range) {
        String org = range.org().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", " ").trim();
        StringBuilder sb = new StringBuilder();
        for (String part : org.split("\\s+")) {
            if (part.isEmpty() || part.equals("university") || part.equals("of") || part.equals("the")
                    || part.equals("limited") || part.equals("ltd") || part.equals("college") || part.equals("inc")) {
                continue;
            }
            sb.append(part.charAt(0));
            if (sb.length() == 1 && part.length() > 3) {
                sb.append(part, 1, Math.min(part.length(), 6));
            }
        }
        if (sb.length() < 2) {
            sb.append("uni");
        }
        String cc = range.country().toLowerCase(java.util.Locale.ROOT);
        return sb + (cc.equals("us") || cc.isEmpty() ? ".edu" : ".edu." + cc);
    }

    // ------------------------------------------------------------------ classrooms

    /** A class: students' education accounts made the same day, one campus network, shared assignments. */
    static final class Classroom {
        final List<PromptRecord> assignments = new ArrayList<>();
        double tz;
        int[] classDays;
        double classHour;

        static void build(World w, SplittableRandom r) {
            Classroom c = new Classroom();
            IpRanges.Range campus = w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY);
            String[] nat = Networks.addresses(campus, Rand.between(r, 1, 4), r);
            String domain = uniDomain(campus);
            c.tz = Identity.tzOffset(campus.country(), r);
            c.classDays = r.nextDouble() < 0.5 ? new int[] {0, 2} : new int[] {1, 3};
            c.classHour = Rand.between(r, 8, 15);
            Pool pool = Rand.pick(r, Pool.CODE, Pool.MATH, Pool.INSTRUCT, Pool.HUMANEVAL, Pool.CHAT);
            for (int i = 0, n = Rand.between(r, 3, 6); i < n; i++) {
                c.assignments.add(prompt(w, pool, r));
            }
            long day = w.start + (long) (r.nextDouble() * 4 - 2) * Times.DAY;
            long created = day + (long) ((c.classHour - c.tz) * Times.HOUR);
            String org = "org_" + Rand.alnum(r, 12);
            int students = Rand.between(r, 15, 40);
            for (int i = 0; i < students; i++) {
                SplittableRandom sr = r.split();
                SimAccount a = w.newAccount(sr, "benign", "", CLASS);
                a.createdAt = created + (long) (sr.nextDouble() * 50 * Times.MINUTE);
                a.emailDomain = domain;
                a.emailShape = Rand.pick(sr, "aaaa.aaaa", "a9999", "aaaa9999", "a.aaaa");
                a.program = "education";
                a.verified = true;
                a.declaredCountry = campus.country();
                a.signupIp = nat[sr.nextInt(nat.length)];
                a.orgId = sr.nextDouble() < 0.7 ? org : null;
                a.tzOffset = c.tz;
                IpRanges.Range home = homeRange(w, sr);
                SimAccount.Network campusNet = Networks.egress(campus, nat);
                SimAccount.Network homeNet = Networks.home(home, homeRange(w, sr), 0.1, null, 0, sr);
                // most of their traffic is sent in class or from campus housing, the rest from home
                a.network = (rr, out) -> rr.nextDouble() < 0.6 ? campusNet.next(rr, out) : homeNet.next(rr, out);
                setClient(a, sr.nextDouble() < 0.7 ? Clients.openaiPython(sr) : Clients.anthropicPython(sr), sr, 1);
                a.prefersMini = sr.nextDouble() < 0.6;
                a.adoptAt = w.models.ordinaryAdoption(sr);
                w.add(new Student(w, a, sr, c).start());
            }
        }
    }

    static final class Student extends AccountSource {
        private final Classroom c;
        private int turnsLeft;
        private final List<SimEvent.Msg> conv = new ArrayList<>();

        Student(World w, SimAccount a, SplittableRandom r, Classroom c) {
            super(w, a, r);
            this.c = c;
            peakPerDay = Rand.logNormal(r, 40, 0.5);
        }

        @Override
        double activity(long ts) {
            int dow = Times.localDayOfWeek(ts, c.tz);
            double h = Times.localHour(ts, c.tz);
            boolean classDay = dow == c.classDays[0] || dow == c.classDays[1];
            if (classDay && h >= c.classHour && h < c.classHour + 1.5) {
                return 1.0;
            }
            if (h >= 18 && h < 23.5) {
                return dow == 6 ? 0.05 : 0.12;
            }
            return 0.01;
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            if (turnsLeft <= 0) {
                conv.clear();
                PromptRecord p = c.assignments.get(r.nextInt(c.assignments.size()));
                String text = r.nextDouble() < 0.5 ? p.text()
                        : Rand.pick(r, "Help me with this exercise:\n\n", "Can you explain how to do this? ",
                                "I don't understand this question: ", "homework: ") + p.text();
                conv.add(SimEvent.Msg.user(text));
                turnsLeft = Rand.between(r, 1, 4);
            } else {
                conv.add(SimEvent.Msg.assistant(Content.reply(conv.get(conv.size() - 1).text(), r)));
                conv.add(SimEvent.Msg.user(Rand.pick(r, Content.FOLLOW_UPS)));
            }
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.messages.addAll(conv);
            Traffic.finish(e, r, Traffic.Out.CHAT, 0.01, 0);
            out.accept(e);
            turnsLeft--;
            next = after(ts, turnsLeft > 0, 60_000);
        }
    }

    // ------------------------------------------------------------------ enterprises

    /** A company behind one NAT: several accounts on one card and org, office hours, varied content. */
    static final class Enterprise {
        static void build(World w, SplittableRandom r) {
            IpRanges.Range office = homeRange(w, r);
            String[] nat = Networks.addresses(office, Rand.between(r, 1, 2), r);
            String domain = Identity.companyDomain(r);
            String card = Identity.cardFingerprint(r);
            String bin = Identity.bin(r);
            String org = "org_" + Rand.alnum(r, 12);
            double tz = Identity.tzOffset(office.country(), r);
            Clients.Client standard = Clients.backend(r);
            int n = Rand.between(r, 5, 16);
            long created = Identity.createdBefore(w, r, 600);
            for (int i = 0; i < n; i++) {
                SplittableRandom sr = r.split();
                SimAccount a = w.newAccount(sr, "benign", "", ENTERPRISE);
                a.createdAt = created + (long) (sr.nextDouble() * 120 * Times.DAY);
                if (a.createdAt > w.start) {
                    a.createdAt = w.start - Times.DAY;
                }
                a.emailDomain = domain;
                a.emailShape = Rand.pick(sr, "aaaa.aaaa", "a.aaaa", "aaaa");
                a.paymentFingerprint = card;
                a.paymentBin = bin;
                a.billingCountry = office.country();
                a.declaredCountry = office.country();
                a.program = "enterprise";
                a.verified = true;
                a.orgId = org;
                a.signupIp = nat[0];
                a.tzOffset = tz;
                a.network = Networks.egress(office, nat);
                setClient(a, sr.nextDouble() < 0.6 ? standard : Clients.developer(sr), sr, Rand.between(sr, 1, 3));
                a.adoptAt = w.models.ordinaryAdoption(sr);
                w.add(new Employee(w, a, sr).start());
            }
        }
    }

    static final class Employee extends AccountSource {
        private final double[] weights;
        private final double reasoningShare;
        private int turnsLeft;
        private final List<SimEvent.Msg> conv = new ArrayList<>();
        private Pool pool;

        Employee(World w, SimAccount a, SplittableRandom r) {
            super(w, a, r);
            weights = new double[] {30, 30, 20, 3, 2, 15};
            weights[r.nextInt(weights.length)] += 40;
            reasoningShare = r.nextDouble() < 0.3 ? 0.5 : 0.05;
            peakPerDay = Rand.logNormal(r, 30, 0.7);
        }

        @Override
        double activity(long ts) {
            return Rhythm.business(ts, a.tzOffset);
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            if (turnsLeft <= 0) {
                conv.clear();
                pool = CHAT_POOLS[Rand.weighted(r, weights)];
                conv.add(SimEvent.Msg.user(prompt(w, pool, r).text()));
                turnsLeft = r.nextDouble() < 0.6 ? 1 : Rand.between(r, 2, 5);
            } else {
                conv.add(SimEvent.Msg.assistant(Content.reply(conv.get(conv.size() - 1).text(), r)));
                conv.add(SimEvent.Msg.user(r.nextDouble() < 0.6 ? Rand.pick(r, Content.FOLLOW_UPS)
                        : prompt(w, pool, r).text()));
            }
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.messages.addAll(conv);
            reasoning(e, r, reasoningShare);
            e.maxTokens = e.maxTokens == null ? 4096 : e.maxTokens;
            if (r.nextDouble() < 0.08) {
                int k = r.nextInt(Content.BENIGN_SCHEMAS.length + 1);
                e.schemaJson = k < Content.BENIGN_SCHEMAS.length ? Content.BENIGN_SCHEMAS[k] : Content.SCHEMAS[0];
                e.schemaName = k < Content.BENIGN_SCHEMAS.length ? Content.BENIGN_SCHEMA_NAMES[k] : "quiz";
            }
            Traffic.finish(e, r, pool == Pool.CODE ? Traffic.Out.CODE : Traffic.Out.CHAT, 0.01, 0);
            out.accept(e);
            turnsLeft--;
            next = after(ts, turnsLeft > 0, 120_000);
        }
    }

    // ------------------------------------------------------------------ coding agents

    private static final String[] AGENT_SYSTEM = {
        "You are an interactive coding assistant running in the user's terminal. Use the available tools to read, "
            + "search and edit files and to run commands. Make minimal, correct changes and verify them with the "
            + "project's tests. Be concise in your explanations.",
        "You are an expert software engineer pair-programming with the user. Follow the repository's conventions. "
            + "Before editing a file, read it. After editing, run the relevant tests.",
        "Act as a senior developer. Use tools to explore the project; propose and apply changes; report what you "
            + "changed and why.",
    };

    /** A developer's coding agent: tool loops with growing context, long outputs, working hours. */
    static final class CodingAgent extends AccountSource {
        private final String system;
        private final List<SimEvent.ToolDef> tools;
        private final List<SimEvent.Msg> conv = new ArrayList<>();
        private final boolean thinking;
        private int stepsLeft;
        private int step;
        private int tasksLeft;
        private PromptRecord codeSample;

        CodingAgent(World w, SplittableRandom r) {
            super(w, w.newAccount(r, "benign", "", CODING), r);
            IpRanges.Range home = homeRange(w, r);
            a.createdAt = Identity.createdBefore(w, r, 300);
            Identity.ordinary(a, r, home.country());
            a.tzOffset = Identity.tzOffset(home.country(), r);
            a.signupIp = home.randomIp(r);
            IpRanges.Range net = r.nextDouble() < 0.2 ? w.ranges.pick(r, IpRanges.NetClass.DATACENTER) : home;
            a.network = Networks.home(net, homeRange(w, r), 0.05, null, 0, r);
            setClient(a, Clients.codingAgent(r), r, 1);
            a.adoptAt = r.nextDouble() < 0.5 ? w.models.nextRelease + (long) (Rand.logNormal(r, 1.5, 0.8) * Times.DAY)
                    : Long.MAX_VALUE;
            system = Rand.pick(r, AGENT_SYSTEM);
            tools = new ArrayList<>(Tools.CODING);
            if (r.nextDouble() < 0.3) {
                tools.addAll(Tools.RESEARCH);
            }
            thinking = r.nextDouble() < 0.4;
            peakPerDay = Rand.logNormal(r, 3, 0.6);
        }

        @Override
        double activity(long ts) {
            return 0.5 * Rhythm.business(ts, a.tzOffset) + 0.5 * Rhythm.human(ts, a.tzOffset) * 0.6;
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            if (stepsLeft <= 0) {
                if (tasksLeft <= 0) {
                    tasksLeft = Rand.between(r, 1, 3);
                }
                conv.clear();
                Pool p = Rand.pick(r, Pool.CODE, Pool.CODE, Pool.HUMANEVAL, Pool.TOOL);
                codeSample = prompt(w, Pool.HUMANEVAL, r);
                conv.add(SimEvent.Msg.user(prompt(w, p, r).text()));
                stepsLeft = Rand.between(r, 2, 25);
                step = 0;
            } else {
                SimEvent.Msg[] s = Tools.step(step, tools, codeSample, r);
                conv.add(s[0]);
                conv.add(s[1]);
                step++;
                if (conv.size() > 13) {
                    // context compaction: keep the task and the recent steps
                    SimEvent.Msg first = conv.get(0);
                    conv.subList(0, conv.size() - 8).clear();
                    conv.add(0, first);
                }
            }
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.system = system;
            e.developerRole = e.api == Api.ANTHROPIC_MESSAGES && r.nextDouble() < 0.7;
            e.messages.addAll(conv);
            e.tools.addAll(tools);
            e.toolChoice = "auto";
            e.maxTokens = Rand.pick(r, 8192, 16000, 32000);
            e.stream = true;
            if (thinking && e.api == Api.ANTHROPIC_MESSAGES) {
                e.thinkingBudget = Rand.pick(r, 4000, 8000, 16000);
            } else if (thinking) {
                e.effort = Rand.pick(r, "medium", "high");
            }
            boolean last = stepsLeft == 1;
            e.toolCallsOut = last ? 0 : 1;
            Traffic.finish(e, r, last ? Traffic.Out.AGENT_FINAL : Traffic.Out.AGENT_STEP, 0.015, e.promptChars() * 3 / 4);
            out.accept(e);
            stepsLeft--;
            if (stepsLeft <= 0) {
                tasksLeft--;
            }
            next = after(ts, stepsLeft > 0 || tasksLeft > 0, stepsLeft > 0 ? 9_000 : 240_000);
        }
    }

    // ------------------------------------------------------------------ LLM-judge platforms

    /** An evaluation vendor grading model outputs with rubric templates at volume. */
    static final class JudgePlatform extends AccountSource {
        private final PromptRecord rubric;
        private final double effortShare;

        JudgePlatform(World w, SplittableRandom r) {
            super(w, w.newAccount(r, "benign", "", JUDGE), r);
            IpRanges.Range cloud = w.ranges.pick(r, IpRanges.NetClass.DATACENTER);
            a.createdAt = Identity.createdBefore(w, r, 400);
            a.emailDomain = Identity.companyDomain(r);
            a.emailShape = Rand.pick(r, "aaaa", "aaaa.aaaa");
            a.paymentFingerprint = Identity.cardFingerprint(r);
            a.paymentBin = Identity.bin(r);
            a.billingCountry = cloud.country();
            a.declaredCountry = cloud.country();
            a.program = Rand.pick(r, "startup", "enterprise", "standard");
            a.verified = true;
            a.orgId = "org_" + Rand.alnum(r, 12);
            a.signupIp = cloud.randomIp(r);
            a.tzOffset = Identity.tzOffset(cloud.country(), r);
            a.network = Networks.egress(cloud, Networks.addresses(cloud, Rand.between(r, 2, 8), r));
            setClient(a, Clients.backend(r), r, Rand.between(r, 1, 3));
            a.adoptAt = Long.MAX_VALUE;
            rubric = prompt(w, Pool.RUBRIC, r);
            effortShare = r.nextDouble() < 0.5 ? 0.6 : 0.0;
            peakPerDay = Rand.logNormal(r, 650, 0.4);
        }

        @Override
        double activity(long ts) {
            // batch jobs kicked off in office hours, running into the evening
            return 0.25 + 0.75 * Rhythm.business(ts - 3 * Times.HOUR, a.tzOffset);
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            PromptRecord template = r.nextDouble() < 0.8 ? rubric : prompt(w, Pool.RUBRIC, r);
            PromptRecord q = prompt(w, Rand.pick(r, Pool.INSTRUCT, Pool.CHAT, Pool.MATH), r);
            SimEvent e = Traffic.begin(w, a, r, ts);
            e.system = template.system();
            e.messages.add(SimEvent.Msg.user(Content.fillRubric(template.text(), q.text(),
                    () -> Content.truncate(Content.answerFor(q, r), 1200))));
            e.temperature = 0.0;
            e.maxTokens = 1024;
            if (r.nextDouble() < effortShare) {
                e.effort = "low";
            }
            Traffic.finish(e, r, Traffic.Out.RUBRIC, 0.02, e.system == null ? 0 : e.system.length());
            out.accept(e);
            next = nextStart(ts);
        }
    }
}
