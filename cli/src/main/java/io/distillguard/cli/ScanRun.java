package io.distillguard.cli;

import io.distillguard.engine.ScanConfig;
import io.distillguard.engine.ScanEngine;
import io.distillguard.enrich.IpInfo;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadProgress;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.model.Exchange;
import io.distillguard.profile.ExchangeFacts;
import io.distillguard.signals.ContentAnalyzer;
import io.distillguard.signals.ContentSignals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One scan from files to findings, shared by {@code scan} and {@code bench scan}.
 *
 * <p>Pipeline ({@link ExchangeLogReader#readEventsParallel}): a splitter thread cuts the file into batches
 * of raw lines; a pool of worker threads parses them and computes content signals and IP enrichment (all
 * stateless and thread-safe); the calling thread takes the batches back in input order, applies the
 * duplicate filter and the reject report, and updates the account profiles, so results do not depend on
 * thread scheduling. Link, cluster and score run at the end on the calling thread.
 */
final class ScanRun {

    /** What a scan produced. */
    record Outcome(Findings findings, ReadStats events, ReadStats accounts, ReadStats models, long ingestNanos,
            long finishNanos, long maxProfileBytes, ScanEngine engine) {
    }

    private ScanRun() {
    }

    static Outcome run(List<Path> events, Path accountsFile, Path modelsFile, NetworkData network, ScanConfig config,
            RejectSink rejects, ReadProgress progress) throws IOException {
        ContentAnalyzer analyzer = new ContentAnalyzer();
        ScanEngine engine = new ScanEngine(config, network, analyzer);
        ExchangeLogReader side = ExchangeLogReader.builder().build();
        ReadStats acc = ReadStats.EMPTY;
        ReadStats mod = ReadStats.EMPTY;
        if (accountsFile != null) {
            acc = side.readAccounts(accountsFile, engine::addAccount, rejects);
        }
        if (modelsFile != null) {
            mod = side.readModels(modelsFile, engine::addModel, rejects);
        }
        long t0 = System.nanoTime();
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "distillguard-analysis");
            t.setDaemon(true);
            return t;
        });
        ReadStats stats = ReadStats.EMPTY;
        // the scan reads no assistant, tool or response text: skip decoding it
        ExchangeLogReader reader = ExchangeLogReader.builder().progress(progress).signalTextOnly(true).build();
        try {
            for (Path f : events) {
                stats = stats.plus(reader.readEventsParallel(f, pool, () -> new Analysis(analyzer, network),
                        (e, a) -> engine.accept(a.facts(), a.signals()), rejects));
            }
        } finally {
            pool.shutdownNow();
        }
        long t1 = System.nanoTime();
        Findings findings = engine.finish();
        long t2 = System.nanoTime();
        return new Outcome(findings, stats, acc, mod, t1 - t0, t2 - t1, engine.maxProfileBytes(), engine);
    }

    private record Analysed(ContentSignals signals, ExchangeFacts facts) {
    }

    /**
     * Content signals, IP information and profile facts of the exchanges of one batch, on a worker thread.
     * Remembers the last address looked up: consecutive exchanges often come from the same client.
     */
    private static final class Analysis implements Function<Exchange, Analysed> {
        private final ContentAnalyzer analyzer;
        private final NetworkData network;
        private String lastIp;
        private IpInfo lastInfo = IpInfo.UNKNOWN;

        Analysis(ContentAnalyzer analyzer, NetworkData network) {
            this.analyzer = analyzer;
            this.network = network;
        }

        @Override
        public Analysed apply(Exchange e) {
            ContentSignals s = analyzer.analyze(e);
            String ip = e.client().ip();
            if (ip == null) {
                return new Analysed(s, ExchangeFacts.of(e, IpInfo.UNKNOWN));
            }
            if (!ip.equals(lastIp)) {
                IpInfo info = network.lookup(ip);
                lastIp = ip;
                lastInfo = info == null ? IpInfo.UNKNOWN : info;
            }
            return new Analysed(s, ExchangeFacts.of(e, lastInfo));
        }
    }
}
