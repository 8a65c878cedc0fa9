package io.distillguard.cli;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsWriter;
import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.format.RejectedLinesWriter;
import io.distillguard.sim.baseline.BaselineDetector;
import io.distillguard.sim.baseline.EventSource;
import io.distillguard.sim.baseline.PradaBaseline;
import io.distillguard.sim.baseline.RateLimitBaseline;
import io.distillguard.sim.baseline.VolumeBaseline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code distillguard baseline NAME}: runs a reference detector over an events file and writes the
 * scan output contract, so the evaluator can compare it with distillguard.
 */
@Command(name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Runs a per-account reference detector (no cross-account linking) over an events file and "
                + "writes accounts.csv, clusters.json, evidence.jsonl and rejected.jsonl. See README 'Baselines'.",
        subcommands = {
            BaselineCommand.RateLimit.class,
            BaselineCommand.Volume.class,
            BaselineCommand.Prada.class,
        })
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a baseline: rate-limit, volume or prada");
    }

    /** Options and the run loop shared by every baseline. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--events", required = true, paramLabel = "FILE",
                description = "Events file (JSON Lines, .gz accepted).")
        Path events;

        @Option(names = "--accounts", paramLabel = "FILE",
                description = "Accounts file; accounts listed there that sent no events are written with score 0.")
        Path accounts;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        abstract BaselineDetector detector();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            BaselineDetector detector;
            try {
                detector = detector();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                Files.createDirectories(out);
                Findings findings;
                ReadStats[] firstPass = new ReadStats[1];
                ReadStats accountStats = null;
                try (RejectedLinesWriter rejects = new RejectedLinesWriter(out.resolve("rejected.jsonl"))) {
                    // Each pass gets a fresh reader: a reader's duplicate window spans its calls, so a reused
                    // one would drop every event of the second pass as a duplicate. Rejected lines are
                    // reported once, on the first pass; later passes see the same lines.
                    EventSource source = sink -> {
                        RejectSink r = firstPass[0] == null ? rejects : RejectSink.NONE;
                        ReadStats s = ExchangeLogReader.builder().build().readEvents(events, sink, r);
                        if (firstPass[0] == null) {
                            firstPass[0] = s;
                        }
                    };
                    findings = detector.detect(source);
                    if (firstPass[0] == null) {
                        firstPass[0] = ReadStats.EMPTY;
                    }
                    if (accounts != null) {
                        Set<String> listed = new LinkedHashSet<>();
                        accountStats = ExchangeLogReader.builder().build().readAccounts(accounts, a -> listed.add(a.accountId()), rejects);
                        findings = withSilentAccounts(findings, listed);
                    }
                }
                Map<String, Object> summary = new LinkedHashMap<>(findings.summary());
                summary.put("input_lines", firstPass[0].totalLines());
                summary.put("rejected_lines", firstPass[0].rejected()
                        + (accountStats == null ? 0 : accountStats.rejected()));
                summary.put("duplicate_events", firstPass[0].duplicates());
                findings = new Findings(findings.detector(), findings.accounts(), findings.clusters(), summary);
                FindingsWriter.write(findings, out);
                long flagged = findings.accounts().stream().filter(AccountFinding::flagged).count();
                err.printf("%s: %d events (%d rejected), %d accounts, %d flagged -> %s%n", detector.name(),
                        firstPass[0].accepted(), firstPass[0].rejected(), findings.accounts().size(), flagged, out);
                err.flush();
                return 0;
            } catch (IOException | UncheckedIOException e) {
                err.println("baseline: " + e.getMessage());
                err.flush();
                return 1;
            }
        }

        private static Findings withSilentAccounts(Findings f, Set<String> listed) {
            Set<String> seen = new HashSet<>();
            f.accounts().forEach(a -> seen.add(a.accountId()));
            List<AccountFinding> all = new ArrayList<>(f.accounts());
            for (String id : listed) {
                if (!seen.contains(id)) {
                    all.add(new AccountFinding(id, 0.0, false, null, null, -1, 0, List.of()));
                }
            }
            return new Findings(f.detector(), all, f.clusters(), f.summary());
        }
    }

    @Command(name = "rate-limit", mixinStandardHelpOptions = true,
            description = "Flags accounts that ever exceed per-account rate limits (rolling windows). "
                    + "Score = peak utilisation capped to 1. 0 disables a limit.")
    static final class RateLimit extends Base {
        @Option(names = "--rpm", paramLabel = "N", defaultValue = "500",
                description = "Requests per rolling minute (default: ${DEFAULT-VALUE}).")
        long rpm;

        @Option(names = "--tpm", paramLabel = "N", defaultValue = "0",
                description = "Input+output tokens per rolling minute; 0 = off (default: ${DEFAULT-VALUE}).")
        long tpm;

        @Option(names = "--tpd", paramLabel = "N", defaultValue = "2000000",
                description = "Input+output tokens per rolling 24 h (default: ${DEFAULT-VALUE}).")
        long tpd;

        @Override
        BaselineDetector detector() {
            return new RateLimitBaseline(new RateLimitBaseline.Limits(rpm, tpm, tpd));
        }
    }

    @Command(name = "volume", mixinStandardHelpOptions = true,
            description = "Flags accounts whose exchange or token volume has a robust z-score "
                    + "(median/MAD over all accounts) above the threshold. Two passes over the events.")
    static final class Volume extends Base {
        @Option(names = "--threshold", paramLabel = "Z", defaultValue = "3.5",
                description = "Robust z above which an account is flagged (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--log-scale", description = "Score log(1 + volume) instead of volume.")
        boolean logScale;

        @Override
        BaselineDetector detector() {
            return new VolumeBaseline(new VolumeBaseline.Config(threshold, logScale));
        }
    }

    @Command(name = "prada", mixinStandardHelpOptions = true,
            description = "PRADA (Juuti et al. 2019): flags accounts whose distances between each new prompt and "
                    + "the closest earlier one fail a Shapiro-Wilk normality test (W < delta).")
    static final class Prada extends Base {
        private static final PradaBaseline.Config D = PradaBaseline.Config.DEFAULT;

        @Option(names = "--delta", paramLabel = "W", description = "Flag when W < delta, in (0,1) (default: 0.9).")
        double delta = D.delta();

        @Option(names = "--min-distances", paramLabel = "N",
                description = "Distances needed before the first test (default: 100).")
        int minDistances = D.minDistances();

        @Option(names = "--test-every", paramLabel = "N", description = "Test every N prompts (default: 10).")
        int testEvery = D.testEvery();

        @Option(names = "--window", paramLabel = "N", description = "Distances kept per account (default: 256).")
        int window = D.window();

        @Option(names = "--signatures", paramLabel = "N",
                description = "Prompts kept in each account's growing set (default: 64).")
        int signatures = D.signatures();

        @Option(names = "--hashes", paramLabel = "N", description = "MinHash functions per prompt (default: 64).")
        int hashes = D.hashes();

        @Option(names = "--shingle", paramLabel = "WORDS", description = "Words per shingle (default: 3).")
        int shingle = D.shingleWords();

        @Option(names = "--outlier-sigmas", paramLabel = "K",
                description = "Drop distances beyond K standard deviations before testing; 0 keeps all (default: 3).")
        double outlierSigmas = D.outlierSigmas();

        @Option(names = "--seed", paramLabel = "N", description = "MinHash seed (default: 1).")
        long seed = D.seed();

        @Override
        BaselineDetector detector() {
            return new PradaBaseline(new PradaBaseline.Config(delta, minDistances, testEvery, window, signatures,
                    hashes, shingle, outlierSigmas, seed));
        }
    }
}
