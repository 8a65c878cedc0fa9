package io.distillguard.cli;

import io.distillguard.engine.ScanConfig;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsWriter;
import io.distillguard.format.ReadProgress;
import io.distillguard.format.RejectedLinesWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code distillguard scan}: files in, findings out. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = "Scans exchange logs for distillation campaigns and writes accounts.csv, clusters.json, "
                + "evidence.jsonl, actions.csv, rejected.jsonl and report.html into --out. The default mode only "
                + "observes: it reports what it would do.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Events file(s), .jsonl or .jsonl.gz (exchange-log v1).")
    List<Path> events;

    @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts file (signup records).")
    Path accounts;

    @Option(names = "--models", paramLabel = "FILE", description = "Models file (release times).")
    Path models;

    @Option(names = "--network-data", paramLabel = "DIR",
            description = "IP reference data folder (ASN, country, datacenter/VPN/Tor lists).")
    Path networkData;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file overriding the defaults (see docs/config-reference.properties).")
    Path configFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--diagnostics", description = "Also write diagnostics-accounts.csv (every signal value per "
            + "account) and diagnostics-edges.csv (the account graph) into --out.")
    boolean diagnostics;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ScanConfig config = configFile == null ? ScanConfig.defaults() : ScanConfig.load(configFile);
            NetworkData network = networkData == null ? NetworkData.empty() : NetworkData.load(networkData);
            Files.createDirectories(out);
            ScanRun.Outcome o;
            long total = 0;
            for (Path e : events) {
                total += Files.size(e);
            }
            Progress progress = Progress.onTerminal(quiet, total, "lines");
            try (RejectedLinesWriter rejects = new RejectedLinesWriter(out.resolve("rejected.jsonl"))) {
                o = ScanRun.run(events, accounts, models, network, config, rejects, progressOf(progress));
            } finally {
                progress.finish();
            }
            // Input counts use the same keys as the baselines; the network folder tells `report` to
            // print the IP-data attribution when it re-renders from the folder.
            Findings findings = o.findings();
            java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>(findings.summary());
            summary.put("input_lines", o.events().totalLines());
            summary.put("rejected_lines", o.events().rejected());
            summary.put("duplicate_events", o.events().duplicates());
            summary.put(ReportCommand.NETWORK_DATA_KEY, networkData == null ? "none" : networkData.toString());
            findings = new Findings(findings.detector(), findings.accounts(), findings.clusters(), summary);
            o = new ScanRun.Outcome(findings, o.events(), o.accounts(), o.models(), o.ingestNanos(),
                    o.finishNanos(), o.maxProfileBytes(), o.engine());
            FindingsWriter.write(findings, out);
            writeActions(findings, o.engine().actions(findings), config.mode(), out.resolve("actions.csv"));
            List<Path> inputs = new java.util.ArrayList<>(events);
            if (accounts != null) {
                inputs.add(accounts);
            }
            if (models != null) {
                inputs.add(models);
            }
            ReportHook.render(findings, out, inputs, network.attributions());
            if (diagnostics) {
                try (Writer a = Files.newBufferedWriter(out.resolve("diagnostics-accounts.csv"));
                        Writer e = Files.newBufferedWriter(out.resolve("diagnostics-edges.csv"))) {
                    o.engine().writeDiagnostics(a, e);
                }
            }
            printSummary(stdout, o);
            stdout.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("scan: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Adapts the reader's per-file progress to one display over all event files. */
    private static ReadProgress progressOf(Progress p) {
        long[] done = {0};
        String[] current = {null};
        long[] lastBytes = {0};
        return (source, bytes, lines) -> {
            if (!source.equals(current[0])) {
                done[0] += lastBytes[0];
                current[0] = source;
            }
            lastBytes[0] = bytes;
            p.update(done[0] + bytes, lines);
        };
    }

    static void writeActions(Findings f, Map<String, String> actions, String mode, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("account_id,cluster_id,flagged,action,mode\n");
            for (AccountFinding a : f.accounts().stream()
                    .sorted(java.util.Comparator.comparing(AccountFinding::accountId)).toList()) {
                w.write(io.distillguard.findings.Csv.quote(a.accountId()));
                w.write(',');
                w.write(a.clusterId() == null ? "" : io.distillguard.findings.Csv.quote(a.clusterId()));
                w.write(',');
                w.write(Boolean.toString(a.flagged()));
                w.write(',');
                w.write(actions.getOrDefault(a.accountId(), "observe"));
                w.write(',');
                w.write(mode);
                w.write('\n');
            }
        }
    }

    static void printSummary(PrintWriter out, ScanRun.Outcome o) {
        Findings f = o.findings();
        long flaggedAccounts = f.accounts().stream().filter(AccountFinding::flagged).count();
        List<ClusterFinding> flagged = f.clusters().stream().filter(ClusterFinding::flagged).toList();
        out.printf(Locale.ROOT, "scanned %,d exchanges (%,d rejected, %,d duplicates) from %,d accounts in %.1f s%n",
                o.events().accepted(), o.events().rejected(), o.events().duplicates(), f.accounts().size(),
                (o.ingestNanos() + o.finishNanos()) / 1e9);
        out.printf(Locale.ROOT, "%d campaign(s) flagged among %d communities; %d account(s) flagged; mode: %s%n",
                flagged.size(), f.clusters().size(), flaggedAccounts, f.summary().getOrDefault("mode", "observe"));
        int shown = 0;
        for (ClusterFinding c : flagged) {
            if (shown++ >= 20) {
                out.printf(Locale.ROOT, "  ... %d more in clusters.json%n", flagged.size() - 20);
                break;
            }
            StringBuilder top = new StringBuilder();
            int k = 0;
            for (Evidence e : c.evidence()) {
                if (e.weight() <= 0) {
                    continue;
                }
                if (k++ == 3) {
                    break;
                }
                top.append(k > 1 ? ", " : "").append(e.signal()).append('=').append(fmt(e.value()));
            }
            String link = c.links().isEmpty() ? "" : "; linked by " + c.links().get(0).attribute()
                    + " (" + c.links().get(0).accounts() + " accounts)";
            out.printf(Locale.ROOT, "  %s  size %d  score %.2f  would %s  %s%s%n", c.clusterId(), c.members().size(),
                    c.score(), c.action(), top, link);
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
