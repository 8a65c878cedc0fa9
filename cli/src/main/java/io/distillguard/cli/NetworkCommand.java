package io.distillguard.cli;

import io.distillguard.enrich.FileLoadStats;
import io.distillguard.enrich.IpInfo;
import io.distillguard.enrich.IpLookupCache;
import io.distillguard.enrich.NetworkData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code distillguard network}: loads a network data folder, prints what loaded, answers lookups for
 * the addresses given, and optionally measures load time and lookup cost.
 */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Inspect IP reference data: load statistics, lookups, and a lookup benchmark.",
            "Example: distillguard network --network-data ../shared/data/network 1.1.1.1 2001:200::1"})
final class NetworkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--network-data", required = true, paramLabel = "DIR",
            description = "Folder with the network reference files (see README, 'Network data').")
    Path dir;

    @Option(names = "--bench", paramLabel = "ROUNDS", defaultValue = "0",
            description = "Measure: reload the folder ROUNDS times and time lookups of random addresses; "
                    + "prints medians. 0 (default) = no benchmark.")
    int benchRounds;

    @Parameters(paramLabel = "IP", arity = "0..*", description = "Addresses to look up.")
    List<String> ips = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NetworkData data;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        try {
            data = NetworkData.load(dir);
        } catch (java.io.IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("network: " + e.getMessage());
            err.flush();
            return 1;
        }
        out.printf(Locale.ROOT, "loaded %s in %d ms wall, %d ms thread CPU (first load in this JVM)%n", dir,
                data.loadMillis(), (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        out.printf(Locale.ROOT, "%-36s %10s %8s  %s%n", "file", "rows", "skipped", "first problem");
        for (FileLoadStats s : data.loadStats().values()) {
            out.printf(Locale.ROOT, "%-36s %10d %8d  %s%n", s.file(), s.rows(), s.skipped(),
                    s.firstProblem() == null ? "" : s.firstProblem());
        }
        out.println("segments: " + data.segmentCounts());
        for (String ip : ips) {
            IpInfo i = data.lookup(ip);
            out.printf(Locale.ROOT, "%s\tclass=%s matches=%s asn=%s org=%s country=%s provider=%s prefix=%s%n", ip,
                    i.ipClass().label(), i.matches(), i.asn(), i.asnOrg(), i.country(), i.provider(),
                    NetworkData.prefixKey(ip));
        }
        if (benchRounds > 0) {
            bench(out, data);
        }
        out.flush();
        return 0;
    }

    private void bench(PrintWriter out, NetworkData data) throws Exception {
        // Thread CPU time is reported beside wall time: on a shared machine wall time mostly measures the neighbours.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] loads = new long[benchRounds];
        long[] loadCpu = new long[benchRounds];
        for (int r = 0; r < benchRounds; r++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            NetworkData.load(dir);
            loads[r] = System.nanoTime() - t;
            loadCpu[r] = mx.getCurrentThreadCpuTime() - c;
        }
        // 80% IPv4 over the unicast space, 20% IPv6 inside 2000::/4 where the tables have data
        SplittableRandom rnd = new SplittableRandom(42);
        String[] addrs = new String[200_000];
        for (int i = 0; i < addrs.length; i++) {
            if (i % 5 == 4) {
                addrs[i] = String.format(Locale.ROOT, "2%03x:%x:%x::%x", rnd.nextInt(0x1000), rnd.nextInt(0x10000),
                        rnd.nextInt(0x10000), rnd.nextInt(0x10000));
            } else {
                addrs[i] = (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."
                        + rnd.nextInt(256);
            }
        }
        int rounds = Math.max(5, benchRounds);
        double[] uncached = new double[rounds];
        double[] cached = new double[rounds];
        long sink = 0;
        for (int w = 0; w < 3; w++) { // JIT warm-up, not measured
            for (String a : addrs) {
                sink += data.lookup(a).ipClass().ordinal();
            }
        }
        double[] uncachedCpu = new double[rounds];
        double[] cachedCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            for (String a : addrs) {
                sink += data.lookup(a).ipClass().ordinal();
            }
            uncached[r] = (System.nanoTime() - t) / (double) addrs.length;
            uncachedCpu[r] = (mx.getCurrentThreadCpuTime() - c) / (double) addrs.length;
            // a scan sees few distinct client addresses: 2,000 distinct, each seen many times
            IpLookupCache cache = data.newCache(4096);
            c = mx.getCurrentThreadCpuTime();
            t = System.nanoTime();
            for (int k = 0; k < addrs.length; k++) {
                sink += cache.lookup(addrs[k % 2000]).ipClass().ordinal();
            }
            cached[r] = (System.nanoTime() - t) / (double) addrs.length;
            cachedCpu[r] = (mx.getCurrentThreadCpuTime() - c) / (double) addrs.length;
        }
        Arrays.sort(loads);
        Arrays.sort(loadCpu);
        Arrays.sort(uncached);
        Arrays.sort(cached);
        Arrays.sort(uncachedCpu);
        Arrays.sort(cachedCpu);
        out.printf(Locale.ROOT, "bench: reload median %d ms wall, %d ms thread CPU over %d loads (wall min %d, max %d)%n",
                loads[loads.length / 2] / 1_000_000, loadCpu[loadCpu.length / 2] / 1_000_000, loads.length,
                loads[0] / 1_000_000, loads[loads.length - 1] / 1_000_000);
        out.printf(Locale.ROOT, "bench: lookup median %.0f ns wall / %.0f ns CPU uncached (random addresses, %d rounds "
                + "of %d); %.0f ns wall / %.0f ns CPU with a 4096-entry cache (2,000 distinct addresses)  [checksum %d]%n",
                uncached[rounds / 2], uncachedCpu[rounds / 2], rounds, addrs.length, cached[rounds / 2],
                cachedCpu[rounds / 2], sink);
    }
}
