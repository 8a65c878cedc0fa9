package io.distillguard.cli;

import io.distillguard.sim.SimulationOptions;
import io.distillguard.sim.SimulationSummary;
import io.distillguard.sim.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard bench simulate}: simulator throughput, median of several runs in one JVM. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Time the simulator: --runs full simulations (plain events.jsonl, default attacks) into a "
            + "scratch folder; report wall and CPU seconds and events/s per run and the medians. Output is deleted "
            + "afterwards.")
final class BenchSimulateCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "3.0",
            description = "Simulation scale (default ${DEFAULT-VALUE}: about 1M events over 14 days).")
    double scale;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first run; run i uses seed + i.")
    long seed;

    @Option(names = "--dir", description = "Scratch folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (runs < 1) {
            System.err.println("distillguard bench simulate: --runs must be >= 1");
            return 2;
        }
        Path scratch = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("dg-bench-sim");
        double[] rates = new double[runs];
        double[] secs = new double[runs];
        double[] cpu = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                Path o = scratch.resolve("run" + i);
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                SimulationSummary s = Simulator.run(SimulationOptions.defaults().withScale(scale).withSeed(seed + i), o);
                long t1 = System.nanoTime();
                cpu[i] = (cpuNanos() - c0) / 1e9;
                secs[i] = (t1 - t0) / 1e9;
                rates[i] = s.events() / secs[i];
                out.printf(Locale.ROOT, "run %d: %,d events, %,d accounts, %.1f MB, %.2f s wall, %.2f s cpu (all threads), "
                        + "%,.0f events/s%n", i + 1, s.events(), s.accounts(), Files.size(s.eventsFile()) / 1e6, secs[i],
                        cpu[i], rates[i]);
                deleteTree(o);
            }
        } finally {
            if (dir == null) {
                deleteTree(scratch);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(secs);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "median: %.2f s wall, %.2f s cpu, %,.0f events/s (scale %s, %d runs)%n", secs[runs / 2],
                cpu[runs / 2], rates[runs / 2], scale, runs);
        return 0;
    }

    /** CPU time of the whole process (all threads, GC included), or 0 when the JVM cannot tell. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
