package io.distillguard.cli;

import io.distillguard.engine.ScanConfig;
import io.distillguard.engine.ScanEngine;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadProgress;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.model.Exchange;
import io.distillguard.signals.ContentAnalyzer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One scan from files to findings, shared by {@code scan} and {@code bench scan}. Events are decoded on a
 * reader thread and handed over in batches to the calling thread, which runs the engine (enrich, content
 * signals, profile); link, cluster and score run at the end. Two threads in all, matching the 2-core target.
 */
final class ScanRun {

    private static final int BATCH = 512;
    private static final Exchange[] POISON = new Exchange[0];

    /** What a scan produced. */
    record Outcome(Findings findings, ReadStats events, ReadStats accounts, ReadStats models, long ingestNanos,
            long finishNanos, long maxProfileBytes, ScanEngine engine) {
    }

    private ScanRun() {
    }

    static Outcome run(List<Path> events, Path accountsFile, Path modelsFile, NetworkData network, ScanConfig config,
            RejectSink rejects, ReadProgress progress) throws IOException {
        ScanEngine engine = new ScanEngine(config, network, new ContentAnalyzer());
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
        BlockingQueue<Exchange[]> queue = new ArrayBlockingQueue<>(64);
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
                            put(queue, batch[0]);
                            batch[0] = new Exchange[BATCH];
                            fill[0] = 0;
                        }
                    }, rejects);
                    stats[0] = stats[0].plus(s);
                }
                if (fill[0] > 0) {
                    put(queue, java.util.Arrays.copyOf(batch[0], fill[0]));
                }
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    queue.put(POISON);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "distillguard-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Exchange[] b = queue.take();
                if (b == POISON) {
                    break;
                }
                for (Exchange e : b) {
                    engine.accept(e);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("scan interrupted");
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

    private static void put(BlockingQueue<Exchange[]> q, Exchange[] b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
