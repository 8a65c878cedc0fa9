package io.distillguard.format;

import io.distillguard.model.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One {@link ExchangeLogReader#readEventsParallel} call. Three roles:
 * <ol>
 * <li>a splitter thread cuts the stream into lines (bytes only), strips the BOM and CR, spots blank
 * and over-long lines, and copies the other lines into batches;</li>
 * <li>the workers parse each batch (UTF-8 check, JSON, normalisation) and run the caller's analysis;
 * this needs no shared state, so batches are independent;</li>
 * <li>the calling thread takes the batches in submission (= input) order and does everything that
 * depends on order: duplicate filter, counts, rejects, sink.</li>
 * </ol>
 * The queue between 1 and 3 is bounded, which bounds memory and makes the splitter wait for slow
 * workers or a slow sink.
 */
final class ParallelEventRead<R> {

    static final int BATCH_LINES = 512;
    static final int BATCH_BYTES = 1 << 20;

    /** Result slot of a blank line. */
    private static final Object BLANK = new Object();
    private static final Future<Batch> END = CompletableFuture.completedFuture(null);

    private final ExchangeLogReader reader;
    private final InputStream in;
    private final long[] fileCounter;
    private final String source;
    private final Executor workers;
    private final Supplier<? extends Function<Exchange, R>> analysis;
    private final BiConsumer<Exchange, R> sink;
    private final RejectSink rejects;
    private final BlockingQueue<Future<Batch>> queue;
    /**
     * Line buffers of parsed batches, handed back to the splitter: batch buffers are large (up to about
     * {@link #BATCH_BYTES}), and allocating one per batch costs the GC more than reusing them.
     */
    private final BlockingQueue<byte[]> spare;
    private volatile Throwable splitFailure;
    private long splitterBytes;

    ParallelEventRead(ExchangeLogReader reader, InputStream in, long[] fileCounter, String source, Executor workers,
            Supplier<? extends Function<Exchange, R>> analysis, BiConsumer<Exchange, R> sink, RejectSink rejects) {
        this.reader = reader;
        this.in = in;
        this.fileCounter = fileCounter;
        this.source = source;
        this.workers = workers;
        this.analysis = analysis;
        this.sink = sink;
        this.rejects = rejects;
        this.queue = new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors() + 4);
        this.spare = new ArrayBlockingQueue<>(queue.remainingCapacity() + 2);
    }

    /** Lines of one batch: bytes packed into {@code data}, one result slot per physical line. */
    static final class Batch {
        byte[] data;
        int used;
        int n;
        int[] off = new int[BATCH_LINES];
        int[] len = new int[BATCH_LINES];
        long[] lineNo = new long[BATCH_LINES];
        long[] byteOff = new long[BATCH_LINES];
        /** null = to parse; {@link #BLANK}; a {@link Rejection}; after parsing, an {@link Exchange}. */
        final Object[] result = new Object[BATCH_LINES];
        final Object[] extra = new Object[BATCH_LINES];
        /** {@link DuplicateFilter#hash} of each parsed exchange's id, computed by the worker. */
        final long[] idHash = new long[BATCH_LINES];
        /** Input bytes consumed when the batch was closed (for progress reports). */
        long bytesRead;

        Batch(byte[] data) {
            this.data = data;
        }

        boolean full() {
            return n == BATCH_LINES || used >= BATCH_BYTES;
        }

        /** Appends a line and a '\n' after it (so one JSON parser can read the lines in sequence). */
        void add(byte[] buf, int o, int l, long line, long offset) {
            if (used + l + 1 > data.length) {
                data = Arrays.copyOf(data, Math.max(used + l + 1, Math.min(BATCH_BYTES + l + 1, data.length * 2)));
            }
            System.arraycopy(buf, o, data, used, l);
            data[used + l] = '\n';
            off[n] = used;
            len[n] = l;
            lineNo[n] = line;
            byteOff[n] = offset;
            used += l + 1;
            n++;
        }

        void addResult(Object r, long line, long offset) {
            result[n] = r;
            lineNo[n] = line;
            byteOff[n] = offset;
            n++;
        }
    }

    ReadStats run() throws IOException {
        LineSplitter splitter = new LineSplitter(in, reader.maxLineBytes());
        Thread split = new Thread(() -> split(splitter), "distillguard-split");
        split.setDaemon(true);
        split.start();
        ExchangeLogReader.Tally tally = new ExchangeLogReader.Tally();
        boolean done = false;
        try {
            consume(tally);
            done = true;
        } finally {
            if (!done) {
                split.interrupt();
                queue.clear();
            }
            try {
                split.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable f = splitFailure;
        if (f != null) {
            rethrow(f);
        }
        reader.progress.progress(source, fileCounter[0], tally.total);
        return tally.stats(splitterBytes);
    }

    @SuppressWarnings("unchecked")
    private void consume(ExchangeLogReader.Tally tally) throws IOException {
        long nextProgress = ExchangeLogReader.PROGRESS_EVERY_LINES;
        while (true) {
            Future<Batch> f;
            Batch b;
            try {
                f = queue.take();
                if (f == END) {
                    return;
                }
                b = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("read interrupted");
            } catch (ExecutionException e) {
                rethrow(e.getCause());
                return;
            }
            for (int i = 0; i < b.n; i++) {
                tally.total++;
                Object r = b.result[i];
                if (r == BLANK) {
                    tally.blank++;
                } else if (r instanceof Rejection rej) {
                    ExchangeLogReader.reject(rejects, tally, rej);
                } else {
                    Exchange e = (Exchange) r;
                    if (reader.duplicates.seenBefore(b.idHash[i])) {
                        tally.duplicates++;
                    } else {
                        tally.accepted++;
                        sink.accept(e, (R) b.extra[i]);
                    }
                }
            }
            if (tally.total >= nextProgress) {
                reader.progress.progress(source, b.bytesRead, tally.total);
                nextProgress = (tally.total / ExchangeLogReader.PROGRESS_EVERY_LINES + 1)
                        * ExchangeLogReader.PROGRESS_EVERY_LINES;
            }
        }
    }

    private void split(LineSplitter splitter) {
        Batch[] cur = {newBatch()};
        try {
            splitter.run(new LineSplitter.Handler() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber, long byteOffset) throws IOException {
                    int bom = ExchangeLogReader.bomLength(buf, off, len, lineNumber);
                    off += bom;
                    len -= bom;
                    if (len > 0 && buf[off + len - 1] == '\r') {
                        len--;
                    }
                    if (ExchangeLogReader.isBlank(buf, off, len)) {
                        cur[0].addResult(BLANK, lineNumber, byteOffset);
                    } else {
                        cur[0].add(buf, off, len, lineNumber, byteOffset);
                    }
                    if (cur[0].full()) {
                        cur[0].bytesRead = fileCounter[0];
                        submit(cur[0]);
                        cur[0] = newBatch();
                    }
                }

                @Override
                public void tooLong(long lineNumber, long byteOffset, long length, byte[] head, int headLen)
                        throws IOException {
                    cur[0].addResult(reader.tooLongRejection(source, lineNumber, byteOffset, length, head, headLen),
                            lineNumber, byteOffset);
                    if (cur[0].full()) {
                        cur[0].bytesRead = fileCounter[0];
                        submit(cur[0]);
                        cur[0] = newBatch();
                    }
                }
            });
            if (cur[0].n > 0) {
                cur[0].bytesRead = fileCounter[0];
                submit(cur[0]);
            }
            splitterBytes = splitter.bytesRead();
        } catch (Throwable t) {
            splitFailure = t;
        } finally {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                // the consumer gave up and is not waiting for the end marker
                Thread.currentThread().interrupt();
            }
        }
    }

    private Batch newBatch() {
        byte[] data = spare.poll();
        return new Batch(data != null ? data : new byte[BATCH_BYTES]);
    }

    private void submit(Batch b) throws IOException {
        Future<Batch> f = CompletableFuture.supplyAsync(() -> parse(b), workers);
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("read interrupted");
        }
    }

    private Batch parse(Batch b) {
        Function<Exchange, R> fn = analysis.get();
        try (BatchLineParser lines = reader.batchParserOnWorker(b.data, b.used, source)) {
            for (int i = 0; i < b.n; i++) {
                if (b.result[i] == null) {
                    Object r = lines.parse(b.off[i], b.len[i], b.lineNo[i], b.byteOff[i]);
                    b.result[i] = r;
                    if (r instanceof Exchange e) {
                        b.idHash[i] = DuplicateFilter.hash(e.id());
                        b.extra[i] = fn.apply(e);
                    }
                }
            }
        }
        // the parsed records no longer need the bytes; over-long buffers (a huge line) are not kept
        if (b.data.length <= BATCH_BYTES + 64 * 1024) {
            spare.offer(b.data);
        }
        b.data = null;
        return b;
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException("parallel read failed", t);
    }
}
