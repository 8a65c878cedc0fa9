package io.distillguard.sim;

import io.distillguard.model.Api;
import io.distillguard.sim.CampaignConfig.Pacing;
import io.distillguard.sim.CampaignConfig.Type;
import io.distillguard.sim.PromptPools.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Distillation campaigns built from {@link CampaignConfig}s. Every campaign wraps real pool prompts in
 * its template families, shares infrastructure across its accounts (cards, IP pool, client library,
 * templates) in the amounts the config asks for, and sends camouflage traffic.
 */
final class Attacks {

    private static final String[] CODE_EXTRACT = {
        "{p}\n\nProvide a complete, production-ready implementation with comments and unit tests.",
        "{p}\n\nWrite the full code, then explain each part of it in detail.",
        "Implement the following. Include edge-case handling, docstrings and example usage.\n\n{p}",
        "{p}\n\nGive the complete solution in one code block, followed by a line-by-line explanation.",
    };

    private Attacks() {
    }

    /** Persona label of a campaign type in labels.csv. */
    static String persona(Type t) {
        return switch (t) {
            case RESELLER_HYDRA -> "reseller_hydra";
            case COT_FARM -> "cot_harvest_farm";
            case AGENTIC -> "agentic_trace_harvest";
            case RUBRIC_REWRITE -> "rubric_rewrite_slow";
            case STRUCTURED_SWEEP -> "structured_qa_sweep";
            case RELEASE_CHASE -> "release_chaser";
        };
    }

    static void build(World w, AttackConfig config) {
        for (CampaignConfig c : config.campaigns()) {
            build(w, c, Rand.child(w.seed, "campaign/" + c.id));
        }
    }

    /** Infrastructure and habits shared by a campaign's accounts. */
    static final class Shared {
        final CampaignConfig c;
        final List<IpRanges.Range> poolRanges = new ArrayList<>();
        final List<String> poolIps = new ArrayList<>();
        final String[] cards;
        final String[] bins;
        final List<Clients.Client> clients = new ArrayList<>();
        final String[] domains;
        final String country;
        final double tz;
        final String org;
        final int cotVariant;
        final int sweepVariant;
        final int rubricVariant;
        final int rewriteVariant;
        final int codeVariant;
        final int agentVariant;
        final int schema;
        final String cotSystem;
        final List<String> topics;
        final String[] extractionUsers;

        Shared(World w, CampaignConfig c, SplittableRandom r) {
            this.c = c;
            List<IpRanges.Range> ranges = new ArrayList<>();
            switch (c.ipClass) {
                case RESIDENTIAL -> {
                    for (int i = 0; i < 12; i++) {
                        ranges.add(w.ranges.pick(r, IpRanges.NetClass.RESIDENTIAL));
                    }
                }
                case DATACENTER -> {
                    String provider = c.cloudProvider.isEmpty()
                            ? w.ranges.pick(r, IpRanges.NetClass.DATACENTER).provider() : c.cloudProvider;
                    for (int i = 0; i < 3; i++) {
                        ranges.add(w.ranges.pick(r, IpRanges.NetClass.DATACENTER, provider));
                    }
                }
                case VPN -> {
                    for (int i = 0; i < 4; i++) {
                        ranges.add(w.ranges.pick(r, IpRanges.NetClass.VPN));
                    }
                }
                case UNIVERSITY -> {
                    for (int i = 0; i < 2; i++) {
                        ranges.add(w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY));
                    }
                }
                default -> throw new IllegalStateException();
            }
            int poolSize = Math.max(1, (int) Math.round(c.ipPoolSize * Math.sqrt(w.scale)));
            for (int i = 0; i < poolSize; i++) {
                IpRanges.Range x = Rand.pick(r, ranges);
                poolRanges.add(x);
                poolIps.add(x.randomIp(r));
            }
            cards = new String[c.cards];
            bins = new String[c.cards];
            String batchBin = Identity.bin(r);
            for (int i = 0; i < c.cards; i++) {
                cards[i] = Identity.cardFingerprint(r);
                bins[i] = r.nextDouble() < 0.7 ? batchBin : Identity.bin(r);
            }
            for (int i = 0, n = Rand.between(r, 1, 2); i < n; i++) {
                clients.add(switch (r.nextInt(6)) {
                    case 0 -> Clients.httpx(r);
                    case 1 -> Clients.openaiPython(r);
                    case 2 -> Clients.litellm(r);
                    case 3 -> Clients.requests(r);
                    case 4 -> Clients.anthropicPython(r);
                    default -> Clients.go(r);
                });
            }
            String program = c.program.toLowerCase(Locale.ROOT);
            if (program.equals("education")) {
                domains = new String[] {Benign.uniDomain(w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY)),
                    Benign.uniDomain(w.ranges.pick(r, IpRanges.NetClass.UNIVERSITY))};
            } else {
                domains = new String[] {Identity.companyDomain(r), Identity.companyDomain(r), Identity.companyDomain(r)};
            }
            country = Rand.pick(r, "US", "US", "SG", "GB", "HK", "CA", "DE", "JP");
            tz = Rand.pick(r, 8.0, 8.0, 3.0, -5.0, 1.0, 5.5, 9.0);
            org = "org_" + Rand.alnum(r, 12);
            cotVariant = r.nextInt(Content.COT_RECON.length);
            sweepVariant = r.nextInt(Content.SWEEP.length);
            rubricVariant = r.nextInt(Content.RUBRIC_ATTACK.length);
            rewriteVariant = r.nextInt(Content.REWRITE.length);
            codeVariant = r.nextInt(CODE_EXTRACT.length);
            agentVariant = 1 + r.nextInt(Content.AGENT_TASK.length - 1);
            schema = r.nextInt(Content.SCHEMAS.length);
            cotSystem = r.nextDouble() < 0.7 ? Rand.pick(r, Content.COT_SYSTEM) : null;
            Set<String> t = new LinkedHashSet<>();
            for (PromptRecord p : w.prompts.pool(Pool.MMLU)) {
                if (p.topic() != null) {
                    t.add(Content.topicName(p.topic()));
                }
            }
            if (t.isEmpty()) {
                t.add("general knowledge");
            }
            topics = new ArrayList<>(t);
            extractionUsers = new String[Rand.between(r, 1, 3)];
            for (int i = 0; i < extractionUsers.length; i++) {
                extractionUsers[i] = Rand.pick(r, "cus_", "client-", "") + Rand.alnum(r, 10);
            }
        }
    }

    private static void build(World w, CampaignConfig c, SplittableRandom r) {
        Shared s = new Shared(w, c, r);
        int n = w.scaled(c.accounts, 1);
        long campaignStart = w.start + (long) (c.startDay * Times.DAY);
        if (campaignStart >= w.end) {
            campaignStart = w.end - Times.DAY;
        }
        double activeDays = (w.end - campaignStart) / (double) Times.DAY;
        int batches = c.rotationDays > 0 ? Math.max(1, (int) Math.ceil(activeDays / c.rotationDays)) : 1;
        int batchSize = (int) Math.ceil(n / (double) batches);
        batches = (int) Math.ceil(n / (double) batchSize);
        long batchLen = c.rotationDays > 0 ? (long) (c.rotationDays * Times.DAY) : w.end - campaignStart;
        List<List<Actor>> byBatch = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            byBatch.add(new ArrayList<>());
        }
        long[] burstStart = new long[batches];
        for (int b = 0; b < batches; b++) {
            long from = campaignStart + b * batchLen;
            burstStart[b] = from - (long) ((0.3 + r.nextDouble() * 2) * Times.DAY)
                    - (long) (c.signupBurstHours * Times.HOUR);
            if (c.type == Type.RELEASE_CHASE) {
                burstStart[b] = Math.min(burstStart[b], w.models.nextRelease - (long) ((1 + 3 * r.nextDouble()) * Times.DAY));
            }
        }
        for (int i = 0; i < n; i++) {
            int b = Math.min(batches - 1, i / batchSize);
            SplittableRandom ar = r.split();
            SimAccount a = w.newAccount(ar, "attack", c.id, persona(c.type));
            long from = campaignStart + b * batchLen;
            long to = b == batches - 1 ? w.end : from + batchLen;
            a.createdAt = burstStart[b] + (long) (ar.nextDouble() * c.signupBurstHours * Times.HOUR);
            identity(a, s, ar, w);
            Actor x = new Actor(w, a, ar, s);
            x.activeFrom = Math.max(from, a.createdAt + Times.MINUTE);
            x.activeTo = to;
            byBatch.get(b).add(x);
        }
        if (c.pacing == Pacing.ROUND_ROBIN) {
            w.add(new Dispatcher(w, s, byBatch, campaignStart, batchLen, Rand.child(w.seed, "dispatch/" + c.id)));
        } else {
            for (List<Actor> l : byBatch) {
                for (Actor x : l) {
                    w.add(new ActorSource(x));
                }
            }
        }
    }

    private static void identity(SimAccount a, Shared s, SplittableRandom r, World w) {
        CampaignConfig c = s.c;
        String program = c.program.toLowerCase(Locale.ROOT);
        a.program = program;
        switch (program) {
            case "education" -> a.emailDomain = r.nextDouble() < 0.8 ? Rand.pick(r, s.domains) : Identity.webmail(r);
            case "startup", "enterprise" -> a.emailDomain = r.nextDouble() < 0.7 ? Rand.pick(r, s.domains) : Identity.webmail(r);
            case "research" -> a.emailDomain = r.nextDouble() < 0.4 ? Rand.pick(r, s.domains) : Identity.webmail(r);
            default -> a.emailDomain = r.nextDouble() < 0.85 ? Identity.webmail(r) : Identity.companyDomain(r);
        }
        a.emailShape = Identity.bulkShape(r);
        if (c.cards > 0 && r.nextDouble() < c.sharedCardShare) {
            int k = r.nextInt(c.cards);
            a.paymentFingerprint = s.cards[k];
            a.paymentBin = s.bins[k];
        } else if (c.cards > 0 || r.nextDouble() < 0.1) {
            a.paymentFingerprint = Identity.cardFingerprint(r);
            a.paymentBin = c.cards > 0 && r.nextDouble() < 0.5 ? s.bins[0] : Identity.bin(r);
        }
        a.billingCountry = a.paymentFingerprint == null ? null : s.country;
        a.declaredCountry = r.nextDouble() < 0.8 ? s.country : Rand.pick(r, "US", "GB", "CA", "AU", "SG");
        a.verified = program.equals("education") ? r.nextDouble() < 0.5 : r.nextDouble() < 0.08;
        a.orgId = (program.equals("startup") || program.equals("research")) && r.nextDouble() < 0.5 ? s.org : null;
        int i = r.nextInt(s.poolIps.size());
        a.signupIp = r.nextDouble() < 0.7 ? s.poolIps.get(i) : w.ranges.pick(r, IpRanges.NetClass.RESIDENTIAL).randomIp(r);
        a.tzOffset = s.tz;
        Clients.Client client = Rand.pick(r, s.clients);
        Benign.setClient(a, client, r, 1);
        if (c.ipClass == CampaignConfig.IpClass.DATACENTER) {
            // each account lives on one or two of the fleet's machines
            List<IpRanges.Range> rs = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            for (int k = 0, m = Rand.between(r, 1, 2); k < m; k++) {
                int j = r.nextInt(s.poolIps.size());
                rs.add(s.poolRanges.get(j));
                ips.add(s.poolIps.get(j));
            }
            a.network = Networks.pool(rs, ips);
        } else {
            a.network = Networks.pool(s.poolRanges, s.poolIps);
        }
        a.prefersMini = r.nextDouble() < 0.15;
        a.adoptAt = c.type == Type.RELEASE_CHASE
                ? w.models.nextRelease + (long) ((c.releaseChaseHours + r.nextDouble() * 2) * Times.HOUR)
                : r.nextDouble() < 0.5 ? Long.MAX_VALUE
                : w.models.nextRelease + (long) (Rand.logNormal(r, 2.5, 0.7) * Times.DAY);
    }

    // ------------------------------------------------------------------ timing

    /** Paces one account by the campaign's pacing; agent loops run their steps seconds apart. */
    static final class ActorSource extends Source {
        private final Actor x;

        ActorSource(Actor x) {
            this.x = x;
            next = x.activeFrom < x.activeTo ? x.gapFrom(x.activeFrom, 1) : Long.MAX_VALUE;
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            out.accept(x.make(ts));
            next = x.midLoop() ? ts + (long) Math.max(500, Rand.logNormal(x.r, 5_000, 0.6))
                    : x.gapFrom(ts, Math.max(1, x.lastLoopSteps));
            x.lastLoopSteps = 1;
            if (next >= x.activeTo) {
                next = Long.MAX_VALUE;
            }
        }
    }

    /** Round-robin dispatcher of a reseller / load balancer over the active batch of accounts. */
    static final class Dispatcher extends Source {
        private final World w;
        private final Shared s;
        private final List<List<Actor>> batches;
        private final long campaignStart;
        private final long batchLen;
        private final SplittableRandom r;
        private int cursor;

        Dispatcher(World w, Shared s, List<List<Actor>> batches, long campaignStart, long batchLen, SplittableRandom r) {
            this.w = w;
            this.s = s;
            this.batches = batches;
            this.campaignStart = campaignStart;
            this.batchLen = batchLen;
            this.r = r;
            long first = Long.MAX_VALUE;
            for (Actor x : batches.get(0)) {
                first = Math.min(first, x.activeFrom);
            }
            next = first >= w.end ? Long.MAX_VALUE : first;
        }

        @Override
        void emit(Consumer<SimEvent> out) {
            long ts = next;
            int b = (int) Math.min(batches.size() - 1, Math.max(0, (ts - campaignStart) / batchLen));
            List<Actor> active = batches.get(b);
            Actor x = null;
            for (int tries = 0; tries < active.size(); tries++) {
                Actor cand = active.get(cursor++ % active.size());
                if (cand.activeFrom <= ts) {
                    x = cand;
                    break;
                }
            }
            if (x != null) {
                out.accept(x.make(ts));
            }
            double perDay = s.c.requestsPerAccountPerDay * active.size();
            double gap = Times.DAY / perDay;
            next = ts + (long) Math.max(20, gap * (0.9 + 0.2 * r.nextDouble()));
            if (next >= w.end) {
                next = Long.MAX_VALUE;
            }
        }
    }

    // ------------------------------------------------------------------ content

    /** One attack account: what it sends. Pacing lives in {@link ActorSource} or {@link Dispatcher}. */
    static final class Actor {
        final World w;
        final SimAccount a;
        final SplittableRandom r;
        final Shared s;
        final CampaignConfig c;
        long activeFrom;
        long activeTo;
        int lastLoopSteps = 1;
        private final List<SimEvent.Msg> loop = new ArrayList<>();
        private List<SimEvent.ToolDef> loopTools = List.of();
        private PromptRecord loopSample;
        private int loopLeft;
        private int loopStep;
        private int loopLength;
        private int topicCursor;

        Actor(World w, SimAccount a, SplittableRandom r, Shared s) {
            this.w = w;
            this.a = a;
            this.r = r;
            this.s = s;
            this.c = s.c;
            topicCursor = r.nextInt(1 << 16);
        }

        boolean midLoop() {
            return loopLeft > 0;
        }

        /** Next request time after {@code ts} when the previous unit of work was {@code units} requests. */
        long gapFrom(long ts, int units) {
            double rate = c.requestsPerAccountPerDay;
            long chaseAt = a.adoptAt;
            boolean chase = c.type == Type.RELEASE_CHASE;
            double mean = Times.DAY / rate * units;
            long t = ts;
            for (int i = 0; i < 100_000; i++) {
                double g = switch (c.pacing) {
                    case CONSTANT -> mean * (1 + 0.05 * Rand.gaussian(r));
                    default -> Rand.exp(r, mean);
                };
                t += (long) Math.max(200, g);
                if (t >= activeTo) {
                    return Long.MAX_VALUE;
                }
                double accept = c.pacing == Pacing.DIURNAL ? Rhythm.human(t, a.tzOffset) : 1.0;
                if (chase && t < chaseAt) {
                    accept *= 0.06;
                }
                if (r.nextDouble() < accept) {
                    return t;
                }
            }
            return Long.MAX_VALUE;
        }

        SimEvent make(long ts) {
            SimEvent e = Traffic.begin(w, a, r, ts);
            boolean chase = c.type == Type.RELEASE_CHASE && ts >= a.adoptAt;
            if (chase) {
                e.model = Models.NEXT;
            }
            Traffic.Out kind;
            int cacheable = 0;
            if (loopLeft > 0) {
                kind = agentStep(e);
                cacheable = e.promptChars() * 3 / 4;
            } else if (r.nextDouble() < c.camouflageShare) {
                kind = c.type == Type.RESELLER_HYDRA ? resold(e) : camouflage(e);
            } else {
                kind = switch (c.type) {
                    case RESELLER_HYDRA -> mix(e, 40, 20, 25, 10, 5, 0);
                    case COT_FARM -> cot(e, true);
                    case AGENTIC -> startLoop(e);
                    case RUBRIC_REWRITE -> r.nextDouble() < 0.55 ? rubric(e) : rewrite(e);
                    case STRUCTURED_SWEEP -> sweep(e);
                    case RELEASE_CHASE -> chase ? mix(e, 50, 25, 25, 0, 0, 0) : camouflage(e);
                };
                if (c.type == Type.RESELLER_HYDRA && r.nextDouble() < 0.6) {
                    e.endUserId = Rand.pick(r, s.extractionUsers);
                    e.endUserField = r.nextDouble() < 0.5;
                }
            }
            Traffic.finish(e, r, kind, c.failureRate, cacheable);
            return e;
        }

        private Traffic.Out mix(SimEvent e, double cot, double sweep, double code, double rubric, double rewrite,
                double agent) {
            return switch (Rand.weighted(r, cot, sweep, code, rubric, rewrite, agent)) {
                case 0 -> cot(e, false);
                case 1 -> sweep(e);
                case 2 -> code(e);
                case 3 -> rubric(e);
                case 4 -> rewrite(e);
                default -> startLoop(e);
            };
        }

        private PromptRecord prompt(Pool... pools) {
            return Content.pickFrom(w.prompts.pool(Rand.pick(r, pools)), r);
        }

        private Traffic.Out cot(SimEvent e, boolean maxed) {
            PromptRecord p = prompt(Pool.MATH, Pool.MATH, Pool.MMLU, Pool.INSTRUCT, Pool.CODE, Pool.HUMANEVAL, Pool.CHAT);
            e.messages.add(SimEvent.Msg.user(Content.fill(
                    Content.template(Content.COT_RECON, s.cotVariant, c.paraphraseLevel, r), p.text())));
            if (s.cotSystem != null && r.nextDouble() < 0.8) {
                e.system = r.nextDouble() < c.paraphraseLevel * 0.5 ? Rand.pick(r, Content.COT_SYSTEM) : s.cotSystem;
            }
            if (e.api == Api.ANTHROPIC_MESSAGES) {
                e.thinkingBudget = maxed ? Rand.pick(r, 24000, 31999, 32000) : Rand.pick(r, 8000, 16000, 24000);
                e.maxTokens = e.thinkingBudget + Rand.pick(r, 8000, 16000);
            } else {
                e.effort = maxed ? (r.nextDouble() < 0.7 ? "high" : "xhigh") : Rand.pick(r, "medium", "high", "high");
                e.maxTokens = maxed ? Rand.pick(r, 32000, 64000) : Rand.pick(r, 16000, 32000);
            }
            e.temperature = r.nextDouble() < 0.5 ? null : 1.0;
            return Traffic.Out.COT;
        }

        private Traffic.Out sweep(SimEvent e) {
            String topic = s.topics.get(Math.floorMod(topicCursor / Content.SUBTOPICS.length, s.topics.size()));
            String sub = Content.SUBTOPICS[Math.floorMod(topicCursor, Content.SUBTOPICS.length)];
            topicCursor++;
            String t = Content.template(Content.SWEEP, s.sweepVariant, c.paraphraseLevel, r);
            PromptRecord p = prompt(Pool.MMLU, Pool.INSTRUCT, Pool.MATH);
            String text = t.replace("{topic}", topic).replace("{sub}", sub)
                    .replace("{n}", Integer.toString(Rand.pick(r, 5, 10, 10, 20))).replace("{p}", p.text());
            e.messages.add(SimEvent.Msg.user(text));
            int schema = r.nextDouble() < c.paraphraseLevel * 0.5 ? r.nextInt(Content.SCHEMAS.length) : s.schema;
            if (r.nextDouble() < 0.85) {
                e.schemaJson = Content.SCHEMAS[schema];
                e.schemaName = Content.SCHEMA_NAMES[schema];
            } else if (e.api != Api.ANTHROPIC_MESSAGES) {
                e.jsonObject = true;
            }
            e.maxTokens = Rand.pick(r, 4096, 8192, 8192);
            e.temperature = Rand.pick(r, 0.7, 0.9, 1.0);
            return Traffic.Out.STRUCTURED;
        }

        private Traffic.Out code(SimEvent e) {
            PromptRecord p = prompt(Pool.CODE, Pool.CODE, Pool.HUMANEVAL);
            e.messages.add(SimEvent.Msg.user(Content.fill(
                    Content.template(CODE_EXTRACT, s.codeVariant, c.paraphraseLevel, r), p.text())));
            e.maxTokens = Rand.pick(r, 8192, 16000);
            if (r.nextDouble() < 0.4) {
                Benign.reasoning(e, r, 1.0);
            }
            return Traffic.Out.LONGFORM;
        }

        private Traffic.Out rubric(SimEvent e) {
            PromptRecord q = prompt(Pool.INSTRUCT, Pool.CHAT, Pool.MATH, Pool.CODE);
            String text;
            if (r.nextDouble() < 0.3) {
                PromptRecord tpl = Content.pickFrom(w.prompts.pool(Pool.RUBRIC), r);
                e.system = tpl.system();
                text = Content.fillRubric(tpl.text(), q.text(), () -> Content.truncate(Content.answerFor(q, r), 1200));
            } else {
                text = Content.template(Content.RUBRIC_ATTACK, s.rubricVariant, c.paraphraseLevel, r)
                        .replace("{q}", q.text())
                        .replace("{a}", Content.truncate(Content.answerFor(q, r), 1200))
                        .replace("{b}", Content.truncate(Content.reply(q.text(), r), 1200));
            }
            e.messages.add(SimEvent.Msg.user(text));
            e.temperature = 0.0;
            e.maxTokens = Rand.pick(r, 512, 1024, 2048);
            return Traffic.Out.RUBRIC;
        }

        private Traffic.Out rewrite(SimEvent e) {
            PromptRecord p = prompt(Pool.CHAT, Pool.INSTRUCT);
            String text = Content.template(Content.REWRITE, s.rewriteVariant, c.paraphraseLevel, r)
                    .replace("{t}", Rand.pick(r, Content.SENSITIVE)).replace("{p}", p.text());
            e.messages.add(SimEvent.Msg.user(text));
            e.maxTokens = Rand.pick(r, 2048, 4096);
            return Traffic.Out.REWRITE;
        }

        private Traffic.Out startLoop(SimEvent e) {
            loop.clear();
            PromptRecord p = prompt(Pool.CODE, Pool.CODE, Pool.TOOL, Pool.HUMANEVAL);
            String cat = Content.AGENT_CATEGORIES[Math.floorMod(topicCursor++, Content.AGENT_CATEGORIES.length)];
            String task = Content.template(Content.AGENT_TASK, s.agentVariant, c.paraphraseLevel, r)
                    .replace("{cat}", cat).replace("{p}", p.text());
            List<SimEvent.ToolDef> fromPool = Tools.fromPool(p);
            List<SimEvent.ToolDef> tools = new ArrayList<>(fromPool.isEmpty() ? Tools.CODING : fromPool);
            if (fromPool.isEmpty() && r.nextDouble() < 0.5) {
                tools.addAll(Tools.RESEARCH);
            }
            loopTools = tools;
            loopSample = Content.pickFrom(w.prompts.pool(Pool.HUMANEVAL), r);
            loop.add(SimEvent.Msg.user(task));
            loopLength = Rand.between(r, 6, 20);
            loopLeft = loopLength - 1;
            loopStep = 0;
            fillLoop(e, false);
            return Traffic.Out.AGENT_STEP;
        }

        private Traffic.Out agentStep(SimEvent e) {
            SimEvent.Msg[] st = Tools.step(loopStep++, loopTools, loopSample, r);
            loop.add(st[0]);
            loop.add(st[1]);
            if (loop.size() > 13) {
                SimEvent.Msg first = loop.get(0);
                loop.subList(0, loop.size() - 8).clear();
                loop.add(0, first);
            }
            loopLeft--;
            boolean last = loopLeft == 0;
            fillLoop(e, last);
            if (last) {
                lastLoopSteps = loopLength;
            }
            return last ? Traffic.Out.AGENT_FINAL : Traffic.Out.AGENT_STEP;
        }

        private void fillLoop(SimEvent e, boolean last) {
            e.system = Content.template(Content.AGENT_SYSTEM, s.agentVariant, c.paraphraseLevel, r);
            e.developerRole = e.api == Api.ANTHROPIC_MESSAGES && r.nextDouble() < 0.3;
            e.messages.addAll(loop);
            e.tools.addAll(loopTools);
            e.toolChoice = "auto";
            e.maxTokens = 16000;
            e.toolCallsOut = last ? 0 : 1;
            if (e.api == Api.ANTHROPIC_MESSAGES) {
                e.thinkingBudget = 8000;
            } else {
                e.effort = "high";
            }
        }

        private Traffic.Out camouflage(SimEvent e) {
            PromptRecord p = prompt(Pool.CHAT, Pool.INSTRUCT, Pool.INSTRUCT, Pool.CODE);
            if (r.nextDouble() < 0.2) {
                PromptRecord q = prompt(Pool.CHAT, Pool.INSTRUCT);
                e.messages.add(SimEvent.Msg.user(q.text()));
                e.messages.add(SimEvent.Msg.assistant(Content.reply(q.text(), r)));
            }
            e.messages.add(SimEvent.Msg.user(p.text()));
            if (r.nextDouble() < 0.3) {
                e.maxTokens = Rand.pick(r, 1024, 2048);
            }
            return Traffic.Out.CHAT;
        }

        /** Ordinary traffic of the reseller's paying customers, with their end-user ids. */
        private Traffic.Out resold(SimEvent e) {
            PromptRecord p = prompt(Pool.CHAT, Pool.CHAT, Pool.INSTRUCT, Pool.CODE, Pool.MATH);
            if (r.nextDouble() < 0.25) {
                e.system = prompt(Pool.CHAT).text();
            }
            int turns = r.nextDouble() < 0.7 ? 0 : Rand.between(r, 1, 3);
            String prev = prompt(Pool.CHAT, Pool.INSTRUCT).text();
            for (int i = 0; i < turns; i++) {
                e.messages.add(SimEvent.Msg.user(i == 0 ? prev : Rand.pick(r, Content.FOLLOW_UPS)));
                e.messages.add(SimEvent.Msg.assistant(Content.reply(prev, r)));
            }
            e.messages.add(SimEvent.Msg.user(p.text()));
            e.endUserId = "cus_" + Integer.toString((int) (Rand.exp(r, 3000) + 1), 36) + "x" + s.org.substring(4, 8);
            e.endUserField = r.nextDouble() < 0.5;
            Benign.reasoning(e, r, 0.15);
            return p.answer() != null ? Traffic.Out.MATH : Traffic.Out.CHAT;
        }
    }
}
