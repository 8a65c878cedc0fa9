package io.distillguard.cli;

import io.distillguard.engine.ScanConfig;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.FindingsWriter;
import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadProgress;
import io.distillguard.format.RejectSink;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code distillguard bench scan FILE}: end-to-end scan throughput against a bare Jackson parse of the same
 * file, alternating in one JVM, plus heap and per-account profile size. A benchmark, never a timed test.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Time (a) a bare Jackson streaming parse of every line of FILE (the same measure as `bench read`: "
                + "same line splitting, nextToken to the end of each line) and "
                + "(b) a full scan (read, enrich, content signals, profiles, link, cluster, score, write findings to "
                + "a temporary folder), alternating; report the median exchanges/s of each, their ratio, the peak "
                + "heap of the scans and the largest per-account profile, and the process CPU time of each (all threads, "
                + "GC included) per line. Run with -Xmx1g to check the heap bound."})
final class BenchScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An events file (.jsonl or .jsonl.gz).")
    Path file;

    @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts file.")
    Path accounts;

    @Option(names = "--models", paramLabel = "FILE", description = "Models file.")
    Path models;

    @Option(names = "--network-data", paramLabel = "DIR", description = "IP reference data folder.")
    Path networkData;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each (default ${DEFAULT-VALUE}).")
    int runs;

    // two: on a 1M-exchange file the first timed run after a single warm-up was still partly running
    // unoptimised scan code (15-20% more CPU per exchange than every later run)
    @Option(names = "--warmup", defaultValue = "2",
            description = "Untimed runs of each first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || warmup < 0) {
            spec.commandLine().getErr().println("bench scan: --runs must be >= 1 and --warmup >= 0");
            return 2;
        }
        NetworkData network = networkData == null ? NetworkData.empty() : NetworkData.load(networkData);
        ScanConfig config = ScanConfig.defaults();
        double[] bare = new double[runs];
        double[] full = new double[runs];
        double[] bareCpu = new double[runs];
        double[] fullCpu = new double[runs];
        long[] peak = new long[runs];
        long lines = 0;
        long exchanges = 0;
        long accountsSeen = 0;
        long maxProfile = 0;
        double finishShare = 0;
        Path tmp = Files.createTempDirectory("distillguard-bench-");
        try {
            for (int i = 0; i < warmup + runs; i++) {
                // a full collection settles the heap before each pair, outside both timings; not between the
                // parse and the scan: a forced collection shrinks G1's heap, and the scan that follows then
                // ran about 10% slower than a scan in a fresh JVM does
                System.gc();
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                lines = ExchangeLogReader.builder().build().bareParse(file);
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                resetPeaks();
                ScanRun.Outcome o = ScanRun.run(List.of(file), accounts, models, network, config, RejectSink.NONE,
                        ReadProgress.NONE);
                FindingsWriter.write(o.findings(), tmp);
                long t2 = System.nanoTime();
                long c2 = processCpuNanos();
                exchanges = o.events().accepted();
                accountsSeen = o.findings().accounts().size();
                maxProfile = o.maxProfileBytes();
                if (i >= warmup) {
                    int r = i - warmup;
                    bare[r] = lines / ((t1 - t0) / 1e9);
                    full[r] = exchanges / ((t2 - t1) / 1e9);
                    peak[r] = peakHeap();
                    bareCpu[r] = (c1 - c0) / 1e3 / lines;
                    fullCpu[r] = (c2 - c1) / 1e3 / exchanges;
                    finishShare += (double) o.finishNanos() / (t2 - t1) / runs;
                }
                out.printf(Locale.ROOT, "%s run %d: bare parse %,.0f lines/s, scan %,.0f exchanges/s "
                        + "(process CPU: bare %.2f s, scan %.2f s)%n",
                        i < warmup ? "warmup" : "timed", i < warmup ? i + 1 : i - warmup + 1,
                        lines / ((t1 - t0) / 1e9), exchanges / ((t2 - t1) / 1e9), (c1 - c0) / 1e9, (c2 - c1) / 1e9);
                out.flush();
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double b = median(bare);
        double f = median(full);
        out.printf(Locale.ROOT, "file: %s (%,d lines, %,d exchanges, %,d accounts)%n", file, lines, exchanges,
                accountsSeen);
        out.printf(Locale.ROOT, "bare Jackson parse: median %,.0f lines/s over %d runs%n", b, runs);
        out.printf(Locale.ROOT, "full scan:          median %,.0f exchanges/s over %d runs (link/cluster/score %.0f%% "
                + "of the time)%n", f, runs, 100 * finishShare);
        out.printf(Locale.ROOT, "ratio scan/bare:    %.2f%n", f / b);
        double bc = median(bareCpu);
        double fc = median(fullCpu);
        out.printf(Locale.ROOT, "process CPU:        median %.2f us per line (bare), %.2f us per exchange (scan), "
                + "scan/bare %.2f%n", bc, fc, fc / bc);
        out.printf(Locale.ROOT, "peak heap (scan):   median %,d MiB (max heap %,d MiB)%n",
                (long) median(Arrays.stream(peak).asDoubleStream().toArray()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "profile size:       max %,d bytes per account (estimated retained size)%n", maxProfile);
        out.printf(Locale.ROOT, "cores available:    %d%n", Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    /**
     * CPU time of the whole JVM (all threads, GC and JIT included), ns; less sensitive to other work on a
     * shared machine than wall time. -1 when the platform does not report it.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Starts the peak count at the current use (the parse's garbage included, as in any running JVM). */
    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
