package io.distillguard.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.distillguard.model.Account;
import io.distillguard.model.Exchange;
import io.distillguard.model.ModelRelease;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads exchange-log v1 files ({@code docs/spec/exchange-log-v1.md}): events, accounts and models,
 * as {@code .jsonl} or gzip-compressed {@code .jsonl.gz} (detected by name or by the gzip magic
 * bytes). Reading is streaming: memory does not depend on the file size, only on the longest line
 * admitted ({@link Builder#maxLineBytes}) and the duplicate window ({@link Builder#duplicateWindow}).
 *
 * <p>Every physical line ends up in exactly one bucket of {@link ReadStats}: accepted (passed to the
 * sink), rejected (passed to the {@link RejectSink} with line number, byte offset and a
 * {@link RejectReason}), blank, or duplicate. A bad line never stops the read and never changes how
 * other lines are processed. Tolerated: a UTF-8 byte-order mark at the start, CRLF line ends,
 * blank lines, unknown fields and unknown content-block types.
 *
 * <p>Duplicates: an event whose {@code id} equals one of the last {@code duplicateWindow} accepted
 * ids (default 1,048,576) is counted as a duplicate and not passed on. The window spans all
 * {@code readEvents} calls on the same reader, so events split across files are deduplicated too.
 * Ids are compared by 64-bit hash (see {@code DuplicateFilter} for the collision bound). Accounts
 * and models are not deduplicated.
 *
 * <p>A reader is not thread-safe; use one per reading thread. {@link IOException} is thrown only
 * for failures of the underlying stream (missing file, truncated gzip) or when a sink throws one.
 */
public final class ExchangeLogReader {

    /** Default longest accepted line: 4 MiB (admits base64 images and PDFs). */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 << 20;
    /** Default deepest accepted JSON nesting. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default number of most recent ids remembered for duplicate detection. */
    public static final int DEFAULT_DUPLICATE_WINDOW = 1 << 20;
    /** Largest duplicate window (2^28 ids, about 6 GB of tables when full). */
    public static final int MAX_DUPLICATE_WINDOW = 1 << 28;

    private static final int EXCERPT_BYTES = 200;
    static final int PROGRESS_EVERY_LINES = 8192;

    private final int maxLineBytes;
    private final int maxDepth;
    private final JsonFactory factory;
    private final RecordParser parser;
    final DuplicateFilter duplicates;
    final ReadProgress progress;
    /** Parsers of the worker threads of {@link #readEventsParallel} (a RecordParser is not thread-safe). */
    private final ThreadLocal<RecordParser> workerParsers;

    private ExchangeLogReader(Builder b) {
        this.maxLineBytes = b.maxLineBytes;
        this.maxDepth = b.maxDepth;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(b.maxDepth)
                .maxStringLength(Math.max(b.maxLineBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .build();
        // Field names are interned (Jackson's default): the parsers switch on them, and an interned name
        // equals its case label by reference, which saves a content compare on each of the ~40 names of a
        // record (about 4% of reading). Hostile input with millions of distinct names costs one intern per
        // new name; the JVM's string table holds interned strings weakly, so they do not accumulate.
        this.factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        this.parser = new RecordParser(factory, b.signalTextOnly);
        boolean signalTextOnly = b.signalTextOnly;
        this.workerParsers = ThreadLocal.withInitial(() -> new RecordParser(factory, signalTextOnly));
        this.duplicates = new DuplicateFilter(b.duplicateWindow);
        this.progress = b.progress;
    }

    /** A builder with the defaults (4 MiB lines, depth 64, 1,048,576-id duplicate window). */
    public static Builder builder() {
        return new Builder();
    }

    /** The JSON factory configured with this reader's limits (for benchmarks comparing bare parsing). */
    public JsonFactory jsonFactory() {
        return factory;
    }

    /** The longest line, in bytes without the line end, that is parsed rather than rejected. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** The deepest JSON nesting accepted (top-level object = 1). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Reads an events file, passing each accepted, non-duplicate exchange to {@code sink}. */
    public ReadStats readEvents(Path file, Consumer<Exchange> sink, RejectSink rejects) throws IOException {
        return readFile(file, Kind.EVENTS, sink, rejects);
    }

    /** Reads an accounts file. */
    public ReadStats readAccounts(Path file, Consumer<Account> sink, RejectSink rejects) throws IOException {
        return readFile(file, Kind.ACCOUNTS, sink, rejects);
    }

    /** Reads a models file. */
    public ReadStats readModels(Path file, Consumer<ModelRelease> sink, RejectSink rejects) throws IOException {
        return readFile(file, Kind.MODELS, sink, rejects);
    }

    /**
     * Reads events from an open stream (not closed here). {@code source} names it in rejections.
     * The stream must already be decompressed.
     */
    public ReadStats readEvents(InputStream in, String source, Consumer<Exchange> sink, RejectSink rejects)
            throws IOException {
        return read(in, null, source, Kind.EVENTS, sink, rejects);
    }

    /** Reads accounts from an open, decompressed stream (not closed here). */
    public ReadStats readAccounts(InputStream in, String source, Consumer<Account> sink, RejectSink rejects)
            throws IOException {
        return read(in, null, source, Kind.ACCOUNTS, sink, rejects);
    }

    /** Reads models from an open, decompressed stream (not closed here). */
    public ReadStats readModels(InputStream in, String source, Consumer<ModelRelease> sink, RejectSink rejects)
            throws IOException {
        return read(in, null, source, Kind.MODELS, sink, rejects);
    }

    /**
     * Benchmark baseline: splits {@code file} into lines exactly as the read methods do and runs a
     * bare Jackson streaming parse over each line ({@code nextToken()} to the end), with no UTF-8
     * check, field handling, normalisation or duplicate detection. Lines that fail to parse are
     * skipped silently; over-long lines are skipped as usual.
     *
     * @return the number of physical lines seen
     */
    public long bareParse(Path file) throws IOException {
        long[] lines = {0};
        long[] tokens = {0};
        try (InputStream in = open(file, null)) {
            new LineSplitter(in, maxLineBytes).run(new LineSplitter.Handler() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber, long byteOffset) {
                    lines[0]++;
                    try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(buf, off, len)) {
                        while (p.nextToken() != null) {
                            tokens[0]++;
                        }
                    } catch (IOException e) {
                        // a malformed line: the baseline only measures parsing speed
                    }
                }

                @Override
                public void tooLong(long lineNumber, long byteOffset, long length, byte[] head, int headLen) {
                    lines[0]++;
                }
            });
        }
        bareTokens = tokens[0];
        return lines[0];
    }

    /** Tokens seen by the last {@link #bareParse}; kept so the JIT cannot drop the parsing work. */
    private volatile long bareTokens;

    /**
     * Opens a log file for reading: gunzips when the name ends in {@code .gz} or the content starts
     * with the gzip magic bytes. {@code counter}, when given, counts the bytes read from the file.
     */
    public static InputStream open(Path file, long[] counter) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream counted = counter == null ? raw : new CountingStream(raw, counter);
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = file.getFileName().toString().endsWith(".gz") || (b0 == 0x1f && b1 == 0x8b);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private enum Kind { EVENTS, ACCOUNTS, MODELS }

    private <T> ReadStats readFile(Path file, Kind kind, Consumer<T> sink, RejectSink rejects) throws IOException {
        long[] counter = new long[1];
        try (InputStream in = open(file, counter)) {
            return read(in, counter, file.toString(), kind, sink, rejects);
        }
    }

    private <T> ReadStats read(InputStream in, long[] fileCounter, String source, Kind kind, Consumer<T> sink,
            RejectSink rejects) throws IOException {
        LineSplitter splitter = new LineSplitter(in, maxLineBytes);
        Tally tally = new Tally();
        splitter.run(new LineSplitter.Handler() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber, long byteOffset) throws IOException {
                tally.total++;
                int bom = bomLength(buf, off, len, lineNumber);
                off += bom;
                len -= bom;
                if (len > 0 && buf[off + len - 1] == '\r') {
                    len--;
                }
                if (isBlank(buf, off, len)) {
                    tally.blank++;
                } else {
                    handle(buf, off, len, lineNumber, byteOffset, source, kind, sink, rejects, tally);
                }
                if ((tally.total % PROGRESS_EVERY_LINES) == 0) {
                    progress.progress(source, fileCounter != null ? fileCounter[0] : splitter.bytesRead(), tally.total);
                }
            }

            @Override
            public void tooLong(long lineNumber, long byteOffset, long length, byte[] head, int headLen) {
                tally.total++;
                reject(rejects, tally, tooLongRejection(source, lineNumber, byteOffset, length, head, headLen));
            }
        });
        progress.progress(source, fileCounter != null ? fileCounter[0] : splitter.bytesRead(), tally.total);
        return tally.stats(splitter.bytesRead());
    }

    /**
     * Reads an events file like {@link #readEvents(Path, Consumer, RejectSink)}, but parses on
     * {@code workers}: the calling thread's helper splits raw lines into batches, the workers parse
     * each line and run {@code analysis} on each parsed exchange, and the calling thread then takes
     * the batches back in input order, applies the duplicate filter (first occurrence wins, the same
     * window as the sequential read) and the accounting, and calls {@code rejects} and {@code sink}.
     * So {@code sink} and {@code rejects} see exactly what the sequential read gives them, in the same
     * order, on the calling thread, and the returned {@link ReadStats} are identical; only the
     * progress callbacks come at batch granularity.
     *
     * <p>Memory: at most {@code 2 * availableProcessors + 4} batches are in flight, each of at most
     * 512 lines or 1 MiB of line bytes (more only when one line is longer, up to
     * {@link #maxLineBytes}).
     *
     * @param workers runs the parse and analysis tasks; must not run them on the submitting thread
     * @param analysis called once per batch on a worker thread; the function it returns is applied,
     *        on that thread only, to each parsed exchange of the batch (duplicates included) and must
     *        not depend on other batches
     * @param sink receives each accepted, non-duplicate exchange with its analysis result
     * @throws IOException when the file cannot be read, or a worker or {@code analysis} fails
     *         (a RuntimeException from {@code analysis} or {@code sink} is rethrown as is)
     */
    public <R> ReadStats readEventsParallel(Path file, java.util.concurrent.Executor workers,
            java.util.function.Supplier<? extends java.util.function.Function<Exchange, R>> analysis,
            java.util.function.BiConsumer<Exchange, R> sink, RejectSink rejects) throws IOException {
        long[] counter = new long[1];
        try (InputStream in = open(file, counter)) {
            return new ParallelEventRead<R>(this, in, counter, file.toString(), workers, analysis, sink, rejects).run();
        }
    }

    /** Parses one raw event line on a worker thread: null for blank, else an Exchange or a Rejection. */
    Object parseEventLineOnWorker(byte[] buf, int off, int len, long lineNumber, long byteOffset, String source) {
        return parseLine(workerParsers.get(), Kind.EVENTS, buf, off, len, lineNumber, byteOffset, source);
    }

    /** A parser of the lines of one batch, on the calling worker thread (see {@link BatchLineParser}). */
    BatchLineParser batchParserOnWorker(byte[] data, int dataEnd, String source) {
        return new BatchLineParser(this, workerParsers.get(), factory, data, dataEnd, source);
    }

    /** {@link #parseLine} for events (the one-parser-per-line path, for lines the batch parser gives back). */
    Object parseEventLine(RecordParser recordParser, byte[] buf, int off, int len, long lineNumber, long byteOffset,
            String source) {
        return parseLine(recordParser, Kind.EVENTS, buf, off, len, lineNumber, byteOffset, source);
    }

    /** The rejection of an over-long line (same for both read paths). */
    Rejection tooLongRejection(String source, long lineNumber, long byteOffset, long length, byte[] head, int headLen) {
        return new Rejection(source, lineNumber, byteOffset, RejectReason.LINE_TOO_LONG.code(),
                "line is " + length + " bytes, limit " + maxLineBytes, excerpt(head, 0, headLen));
    }

    /** Offset of the content after a UTF-8 byte-order mark on line 1 (0 when none). */
    static int bomLength(byte[] buf, int off, int len, long lineNumber) {
        return lineNumber == 1 && len >= 3 && buf[off] == (byte) 0xEF && buf[off + 1] == (byte) 0xBB
                && buf[off + 2] == (byte) 0xBF ? 3 : 0;
    }

    @SuppressWarnings("unchecked")
    private <T> void handle(byte[] buf, int off, int len, long lineNumber, long byteOffset, String source, Kind kind,
            Consumer<T> sink, RejectSink rejects, Tally tally) {
        Object record = parseLine(parser, kind, buf, off, len, lineNumber, byteOffset, source);
        if (record instanceof Rejection r) {
            reject(rejects, tally, r);
        } else if (kind == Kind.EVENTS && duplicates.seenBefore(((Exchange) record).id())) {
            tally.duplicates++;
        } else {
            tally.accepted++;
            sink.accept((T) record);
        }
    }

    /**
     * Turns one non-blank line (BOM and trailing CR already removed) into a record or a
     * {@link Rejection}. Touches no state but {@code recordParser}, so workers can call it in
     * parallel, each with its own parser.
     */
    Object parseLine(RecordParser recordParser, Kind kind, byte[] buf, int off, int len, long lineNumber,
            long byteOffset, String source) {
        RejectReason reason;
        String detail;
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            reason = RejectReason.INVALID_UTF8;
            detail = "invalid UTF-8 byte 0x" + Integer.toHexString(buf[bad] & 0xff) + " at byte " + (bad - off + 1) + " of the line";
        } else if (nulInHead(buf, off, len)) {
            // Raw NUL is never valid JSON; checked here because Jackson would take a leading NUL
            // for UTF-16/32 and might decode the line in the wrong encoding.
            reason = RejectReason.NOT_JSON;
            detail = "NUL byte at the start of the line";
        } else {
            try {
                switch (kind) {
                    case EVENTS:
                        return recordParser.parseEvent(buf, off, len);
                    case ACCOUNTS:
                        return recordParser.parseAccount(buf, off, len);
                    default:
                        return recordParser.parseModel(buf, off, len);
                }
            } catch (LineRejected e) {
                reason = e.reason;
                detail = e.getMessage();
            } catch (StreamConstraintsException e) {
                boolean depth = e.getMessage() != null && e.getMessage().contains("nesting depth");
                reason = depth ? RejectReason.TOO_DEEP : RejectReason.NOT_JSON;
                detail = depth ? "JSON nesting deeper than " + maxDepth : firstLine(e.getOriginalMessage());
            } catch (CharConversionException e) {
                reason = RejectReason.INVALID_UTF8;
                detail = firstLine(e.getMessage());
            } catch (JsonProcessingException e) {
                reason = RejectReason.NOT_JSON;
                detail = firstLine(e.getOriginalMessage());
            } catch (IOException | RuntimeException e) {
                reason = RejectReason.INTERNAL_ERROR;
                detail = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            }
        }
        return new Rejection(source, lineNumber, byteOffset, reason.code(), detail, excerpt(buf, off, len));
    }

    static void reject(RejectSink rejects, Tally tally, Rejection r) {
        tally.rejected++;
        tally.byReason.merge(r.reason(), 1L, Long::sum);
        rejects.reject(r);
    }

    static boolean nulInHead(byte[] b, int off, int len) {
        for (int i = off; i < off + Math.min(len, 4); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    static String excerpt(byte[] b, int off, int len) {
        return new String(b, off, Math.min(len, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    static final class Tally {
        long total;
        long accepted;
        long rejected;
        long blank;
        long duplicates;
        final Map<String, Long> byReason = new TreeMap<>();

        ReadStats stats(long bytesRead) {
            return new ReadStats(total, accepted, rejected, blank, duplicates, byReason, bytesRead);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final long[] counter;

        CountingStream(InputStream in, long[] counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter[0] += n;
            }
            return n;
        }
    }

    /** Configures a reader. */
    public static final class Builder {
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
        private ReadProgress progress = ReadProgress.NONE;
        private boolean signalTextOnly;

        private Builder() {
        }

        /**
         * When true, text that no detection signal reads is skipped instead of decoded: the text of
         * assistant and tool messages (when the message's role comes before its content) and
         * {@code response.text}. Such turns keep their role, tool calls, tool results and images, with
         * empty text, and {@link io.distillguard.model.ResponseSummary#text()} is null. The prompt (the
         * last user turn), the system text and every other field are read as usual, and the same lines are
         * accepted and rejected. Default false (every text decoded, for tools that show conversations).
         */
        public Builder signalTextOnly(boolean on) {
            this.signalTextOnly = on;
            return this;
        }

        /** Longest line in bytes (without the line end) that is parsed; longer lines are skipped and rejected. */
        public Builder maxLineBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxLineBytes must be >= 1: " + bytes);
            }
            this.maxLineBytes = bytes;
            return this;
        }

        /** Deepest JSON nesting accepted (the top-level object counts 1); deeper lines are rejected. */
        public Builder maxDepth(int depth) {
            if (depth < 2) {
                throw new IllegalArgumentException("maxDepth must be >= 2: " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * How many of the most recent accepted event ids are remembered to detect duplicates, from 1
         * to {@link #MAX_DUPLICATE_WINDOW}. Memory grows with use up to about 24 bytes per id.
         */
        public Builder duplicateWindow(int ids) {
            if (ids < 1 || ids > MAX_DUPLICATE_WINDOW) {
                throw new IllegalArgumentException("duplicateWindow must be in 1.." + MAX_DUPLICATE_WINDOW + ": " + ids);
            }
            this.duplicateWindow = ids;
            return this;
        }

        /** Where to report progress; default none. */
        public Builder progress(ReadProgress listener) {
            this.progress = listener == null ? ReadProgress.NONE : listener;
            return this;
        }

        public ExchangeLogReader build() {
            return new ExchangeLogReader(this);
        }
    }
}
