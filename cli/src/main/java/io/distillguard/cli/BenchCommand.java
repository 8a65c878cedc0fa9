package io.distillguard.cli;

import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code distillguard bench ...}: throughput measurements (never run as timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput. Results depend on the machine; compare ratios and medians.",
        subcommands = {BenchCommand.Read.class, BenchCommand.GenEvents.class, BenchScanCommand.class,
            BenchSimulateCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reader throughput against a bare Jackson parse of the same lines, in the same JVM. */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = {"Time (a) a bare Jackson streaming parse of every line (nextToken to the end, same line "
                    + "splitting) and (b) the full events reader (validation, normalisation, duplicate check), "
                    + "alternating, and report the median lines/s of each and their ratio."})
    static final class Read implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "An events file (.jsonl or .jsonl.gz).")
        Path file;

        @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs of each first (default ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            if (runs < 1) {
                System.err.println("distillguard bench read: --runs must be >= 1");
                return 2;
            }
            try {
                long size = Files.size(file);
                double[] bare = new double[runs];
                double[] full = new double[runs];
                double[] bareCpu = new double[runs];
                double[] fullCpu = new double[runs];
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                boolean cpu = threads.isCurrentThreadCpuTimeSupported();
                long lines = 0;
                long accepted = 0;
                for (int r = -warmup; r < runs; r++) {
                    ExchangeLogReader reader = ExchangeLogReader.builder().build();
                    long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    long t0 = System.nanoTime();
                    long n = reader.bareParse(file);
                    long t1 = System.nanoTime();
                    long c1 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    long[] sink = {0};
                    ReadStats s = ExchangeLogReader.builder().build()
                            .readEvents(file, e -> sink[0] += e.turns().size(), RejectSink.NONE);
                    long t2 = System.nanoTime();
                    long c2 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    lines = s.totalLines();
                    accepted = s.accepted();
                    if (n != lines) {
                        throw new IllegalStateException("line counts differ: " + n + " vs " + lines);
                    }
                    if (r >= 0) {
                        bare[r] = n / ((t1 - t0) / 1e9);
                        full[r] = lines / ((t2 - t1) / 1e9);
                        bareCpu[r] = cpu ? n / ((c1 - c0) / 1e9) : Double.NaN;
                        fullCpu[r] = cpu ? lines / ((c2 - c1) / 1e9) : Double.NaN;
                        out.printf(Locale.ROOT, "run %d: bare %,.0f lines/s, reader %,.0f lines/s"
                                + " (per CPU-second of the reading thread: bare %,.0f, reader %,.0f)%n",
                                r + 1, bare[r], full[r], bareCpu[r], fullCpu[r]);
                    }
                }
                double mb = median(bare);
                double mf = median(full);
                out.printf(Locale.ROOT, "file: %s (%,d bytes, %,d lines, %,d accepted)%n", file, size, lines, accepted);
                out.printf(Locale.ROOT, "bare jackson parse: %,.0f lines/s (median of %d)%n", mb, runs);
                out.printf(Locale.ROOT, "full reader:        %,.0f lines/s (median of %d)%n", mf, runs);
                out.printf(Locale.ROOT, "ratio reader/bare:  %.2f%n", mf / mb);
                if (cpu) {
                    double cb = median(bareCpu);
                    double cf = median(fullCpu);
                    out.printf(Locale.ROOT, "per CPU-second of the reading thread (less sensitive to other load): "
                            + "bare %,.0f, reader %,.0f lines/s, ratio %.2f%n", cb, cf, cf / cb);
                }
                return 0;
            } catch (IOException e) {
                System.err.println("distillguard bench read: " + e.getMessage());
                return 1;
            }
        }

        static double median(double[] v) {
            double[] c = v.clone();
            Arrays.sort(c);
            int n = c.length;
            return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
        }
    }

    /** Writes a large valid events file as benchmark input. */
    @Command(name = "gen-events", mixinStandardHelpOptions = true,
            description = {"Write a large, valid, varied events file (all three body shapes) for benchmarks. "
                    + "Deterministic for a seed. Benchmark input only: it has no campaign structure; use the "
                    + "simulator for detection data."})
    static final class GenEvents implements Callable<Integer> {

        @Option(names = "--lines", required = true, description = "Number of lines to write.")
        long lines;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.gz to compress).")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--accounts", defaultValue = "5000", description = "Number of accounts (default ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--bad-every", defaultValue = "0", paramLabel = "N",
                description = "Make every N-th line bad or a duplicate (0 = none, default).")
        long badEvery;

        @Override
        public Integer call() {
            if (lines < 0 || accounts < 1 || badEvery < 0) {
                System.err.println("distillguard bench gen-events: --lines and --bad-every must be >= 0, --accounts >= 1");
                return 2;
            }
            try {
                new BenchEventGenerator(seed, accounts).write(out, lines, badEvery);
                System.out.printf(Locale.ROOT, "wrote %,d lines to %s (%,d bytes)%n", lines, out, Files.size(out));
                return 0;
            } catch (IOException e) {
                System.err.println("distillguard bench gen-events: " + e.getMessage());
                return 1;
            }
        }
    }
}
