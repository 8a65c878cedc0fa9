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
import io.distillguard.signals.ContentAnalyzer;
import io.distillguard.signals.ContentSignals;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One scan from files to findings, shared by {@code scan} and {@code bench scan}.
 *
 * <p>Pipeline: a reader thread decodes events into batches of {@value #BATCH}; each batch goes to a pool of
 * analysis threads (content signals and IP enrichment, both stateless and thread-safe); the calling thread
 * takes the analysed batches back in input order and updates the account profiles, so results do not
 * depend on thread scheduling. Link, cluster and score run at the end on the calling thread.
 */
final class ScanRun {

    static final int BATCH = 512;

    /** What a scan produced. */
    record Outcome(Findings findings, ReadStats events, ReadStats accounts, ReadStats models, long ingestNanos,
            long finishNanos, long maxProfileBytes, ScanEngine engine) {
    }

    private record Analysed(Exchange[] exchanges, int size, ContentSignals[] signals, IpInfo[] ips) {
    }

    private static final Future<Analysed> END = CompletableFuture.completedFuture(null);

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
        BlockingQueue<Future<Analysed>> queue = new ArrayBlockingQueue<>(4 * workers + 4);
        ReadStats[] stats = {ReadStats.EMPTY};
        Throwable[] failure = new Throwable[1];
        Thread reader = new Thread(() -> {
            ExchangeLogReader r = ExchangeLogReader.builder().progress(progress).build();
            Exchange[][] batch = {new Exchange[BATCH]};
            int[] fill = {0};
            try {
                for (Path f : events) {
                    ReadStats s = r.readEvents(f, e -> {
                        batch[0][fill[0]++] = e;
                        if (fill[0] == BATCH) {
                            submit(pool, queue, analyzer, network, batch[0], BATCH);
                            batch[0] = new Exchange[BATCH];
                            fill[0] = 0;
                        }
                    }, rejects);
                    stats[0] = stats[0].plus(s);
                }
                if (fill[0] > 0) {
                    submit(pool, queue, analyzer, network, batch[0], fill[0]);
                }
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "distillguard-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Future<Analysed> f = queue.take();
                if (f == END) {
                    break;
                }
                Analysed a = f.get();
                for (int i = 0; i < a.size(); i++) {
                    engine.accept(a.exchanges()[i], a.signals()[i], a.ips()[i]);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("scan interrupted");
        } catch (ExecutionException e) {
            throw new IOException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failure[0] != null) {
            if (failure[0] instanceof IOException io) {
                throw io;
            }
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("reader failed", failure[0]);
        }
        long t1 = System.nanoTime();
        Findings findings = engine.finish();
        long t2 = System.nanoTime();
        return new Outcome(findings, stats[0], acc, mod, t1 - t0, t2 - t1, engine.maxProfileBytes(), engine);
    }

    private static void submit(ExecutorService pool, BlockingQueue<Future<Analysed>> queue, ContentAnalyzer analyzer,
            NetworkData network, Exchange[] batch, int size) {
        Future<Analysed> f = pool.submit(() -> {
            ContentSignals[] s = new ContentSignals[size];
            IpInfo[] ips = new IpInfo[size];
            String lastIp = null;
            IpInfo lastInfo = IpInfo.UNKNOWN;
            for (int i = 0; i < size; i++) {
                Exchange e = batch[i];
                s[i] = analyzer.analyze(e);
                String ip = e.client().ip();
                if (ip == null) {
                    ips[i] = IpInfo.UNKNOWN;
                } else if (ip.equals(lastIp)) {
                    ips[i] = lastInfo;
                } else {
                    IpInfo info = network.lookup(ip);
                    lastIp = ip;
                    lastInfo = info == null ? IpInfo.UNKNOWN : info;
                    ips[i] = lastInfo;
                }
            }
            return new Analysed(batch, size, s, ips);
        });
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
