package io.distillguard.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Generates labelled LLM API traffic in the exchange-log v1 format: {@code events.jsonl[.gz]},
 * {@code accounts.jsonl}, {@code models.jsonl} and {@code labels.csv}.
 *
 * <p>Deterministic: the same {@link SimulationOptions} give the same bytes. No wall clock is read;
 * every persona and account draws from its own seeded generator, so adding one does not shift others.
 * Memory is bounded by the number of accounts: events are generated lazily per account (or per campaign
 * dispatcher) and merged by time.
 *
 * <p>Plumbing noise in the default output, which a conforming reader accepts: about 0.3% duplicate
 * deliveries (same id and bytes, a few lines later), about 1.5% timestamps recorded up to 2.5 s early
 * (slightly out of order), 4% epoch-millisecond timestamps, some RFC 3339 timestamps with a local offset,
 * events without {@code api}, failed requests (429/500/400) without usage.
 */
public final class Simulator {

    private static final double DUPLICATE_RATE = 0.003;
    private static final double JITTER_RATE = 0.015;

    private Simulator() {
    }

    /**
     * Runs a simulation into {@code outDir} (created when missing; existing output files are replaced).
     *
     * @throws IOException when the prompt folder or the output cannot be read / written
     */
    public static SimulationSummary run(SimulationOptions o, Path outDir) throws IOException {
        PromptPools prompts = o.promptsDir() == null ? PromptPools.defaults() : PromptPools.load(o.promptsDir());
        World w = new World(o.seed(), o.startMillis(), o.days(), o.scale(), prompts, IpRanges.load());
        Benign.build(w);
        Attacks.build(w, o.attacks());
        Files.createDirectories(outDir);
        Path events = outDir.resolve(o.gzip() ? "events.jsonl.gz" : "events.jsonl");
        Files.deleteIfExists(outDir.resolve(o.gzip() ? "events.jsonl" : "events.jsonl.gz"));
        Map<String, SimAccount> byId = new HashMap<>();
        for (SimAccount a : w.accounts) {
            byId.put(a.id, a);
        }
        EventsOut out;
        try (OutputStream raw = Files.newOutputStream(events);
                OutputStream os = o.gzip() ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16)) {
            out = new EventsOut(os, o, byId);
            PriorityQueue<Source> pq = new PriorityQueue<>(Comparator.comparingLong((Source s) -> s.next)
                    .thenComparingLong(s -> s.order));
            for (Source s : w.sources) {
                if (s.next < w.end) {
                    pq.add(s);
                }
            }
            while (!pq.isEmpty()) {
                Source s = pq.poll();
                s.emit(out::accept);
                if (s.next < w.end) {
                    pq.add(s);
                }
            }
            out.drain();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writeAccounts(w, outDir.resolve("accounts.jsonl"));
        writeModels(w, outDir.resolve("models.jsonl"));
        writeLabels(w, outDir.resolve("labels.csv"));
        Map<String, Long> accountsByPersona = new TreeMap<>();
        for (SimAccount a : w.accounts) {
            accountsByPersona.merge(a.persona, 1L, Long::sum);
        }
        return new SimulationSummary(events, out.events, out.duplicates, out.malformed, w.accounts.size(),
                out.byPersona, out.byCampaign, accountsByPersona);
    }

    /** Writes event lines, adding the delivery noise and counting. */
    private static final class EventsOut {
        private final OutputStream os;
        private final SimulationOptions o;
        private final Map<String, SimAccount> byId;
        private final EventWriter writer = new EventWriter();
        private final ArrayDeque<long[]> dueAt = new ArrayDeque<>();
        private final ArrayDeque<byte[]> dueBytes = new ArrayDeque<>();
        private final ArrayDeque<SimAccount> dueAccount = new ArrayDeque<>();
        final Map<String, Long> byPersona = new TreeMap<>();
        final Map<String, Long> byCampaign = new TreeMap<>();
        long events;
        long duplicates;
        long malformed;
        private long lines;

        EventsOut(OutputStream os, SimulationOptions o, Map<String, SimAccount> byId) {
            this.os = os;
            this.o = o;
            this.byId = byId;
        }

        void accept(SimEvent e) {
            long h = Rand.derive(o.seed(), e.id);
            double u1 = (h & 0xFFFFF) / (double) 0x100000;
            double u2 = ((h >>> 20) & 0xFFFFF) / (double) 0x100000;
            double u3 = ((h >>> 40) & 0xFFFFF) / (double) 0x100000;
            if (u1 < JITTER_RATE) {
                e.ts -= 1 + (long) (u2 * 2500);
            }
            byte[] b = writer.render(e);
            try {
                line(b);
                SimAccount a = byId.get(e.accountId);
                count(a);
                if (u2 < DUPLICATE_RATE) {
                    // a retry by the delivery pipeline: the same bytes a few lines later
                    dueAt.add(new long[] {lines + 1 + (long) (u3 * 40)});
                    dueBytes.add(b);
                    dueAccount.add(a);
                }
                while (!dueAt.isEmpty() && dueAt.peek()[0] <= lines) {
                    dueAt.poll();
                    line(dueBytes.poll());
                    duplicates++;
                    count(dueAccount.poll());
                }
                if (o.noiseRate() > 0 && u3 < o.noiseRate()) {
                    noise(e, b, (int) (u1 * 1_000_000) % 4);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private void count(SimAccount a) {
            events++;
            if (a != null) {
                byPersona.merge(a.persona, 1L, Long::sum);
                if (!a.campaign.isEmpty()) {
                    byCampaign.merge(a.campaign, 1L, Long::sum);
                }
            }
        }

        private void line(byte[] b) throws IOException {
            os.write(b);
            os.write('\n');
            lines++;
        }

        private void noise(SimEvent e, byte[] b, int kind) throws IOException {
            String s = switch (kind) {
                case 0 -> new String(b, 0, b.length / 2, StandardCharsets.UTF_8).replace('\n', ' ');
                case 1 -> "{\"id\":\"" + e.id + "-bad\",\"ts\":true,\"account_id\":\"" + e.accountId + "\",\"request\":{}}";
                case 2 -> "{\"id\":\"" + e.id + "-bad\",\"ts\":" + e.ts + ",\"request\":{\"model\":\"" + e.model + "\"}}";
                default -> "<html><body>502 Bad Gateway</body></html>";
            };
            os.write(s.getBytes(StandardCharsets.UTF_8));
            os.write('\n');
            lines++;
            malformed++;
        }

        void drain() throws IOException {
            while (!dueAt.isEmpty()) {
                dueAt.poll();
                line(dueBytes.poll());
                duplicates++;
                count(dueAccount.poll());
            }
        }
    }

    private static List<SimAccount> sortedAccounts(World w) {
        List<SimAccount> l = new ArrayList<>(w.accounts);
        // sorted by id so that file order says nothing about persona or label
        l.sort(Comparator.comparing(a -> a.id));
        return l;
    }

    private static void writeAccounts(World w, Path file) throws IOException {
        JsonFactory f = new JsonFactory();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (SimAccount a : sortedAccounts(w)) {
                try (JsonGenerator g = f.createGenerator(os, JsonEncoding.UTF8)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    g.writeStartObject();
                    g.writeStringField("account_id", a.id);
                    g.writeStringField("created_at", Times.rfc3339(a.createdAt, 0));
                    str(g, "email_domain", a.emailDomain);
                    str(g, "email_local_shape", a.emailShape);
                    str(g, "payment_fingerprint", a.paymentFingerprint);
                    str(g, "payment_bin", a.paymentBin);
                    str(g, "billing_country", a.billingCountry);
                    str(g, "declared_country", a.declaredCountry);
                    str(g, "program", a.program);
                    if (a.verified != null) {
                        g.writeBooleanField("verified", a.verified);
                    }
                    str(g, "signup_ip", a.signupIp);
                    str(g, "org_id", a.orgId);
                    g.writeEndObject();
                }
                os.write('\n');
            }
        }
    }

    private static void str(JsonGenerator g, String name, String v) throws IOException {
        if (v != null && !v.isEmpty()) {
            g.writeStringField(name, v);
        }
    }

    private static void writeModels(World w, Path file) throws IOException {
        try (BufferedWriter bw = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            bw.write("{\"model\":\"" + Models.MAIN + "\",\"released_at\":\"" + Times.rfc3339(Models.MAIN_RELEASE, 0) + "\"}\n");
            bw.write("{\"model\":\"" + Models.MINI + "\",\"released_at\":\"" + Times.rfc3339(Models.MINI_RELEASE, 0) + "\"}\n");
            bw.write("{\"model\":\"" + Models.NEXT + "\",\"released_at\":\"" + Times.rfc3339(w.models.nextRelease, 0) + "\"}\n");
        }
    }

    private static void writeLabels(World w, Path file) throws IOException {
        try (BufferedWriter bw = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            bw.write("account_id,label,campaign,persona\n");
            for (SimAccount a : sortedAccounts(w)) {
                bw.write(a.id + "," + a.label + "," + a.campaign + "," + a.persona + "\n");
            }
        }
    }
}
