package io.distillguard.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.distillguard.model.Exchange;
import java.io.IOException;

/**
 * Parses the event lines of one batch of {@link ParallelEventRead} with one Jackson parser for many
 * lines instead of one per line: building a parser (with its I/O context, text buffer, symbol table
 * and read contexts) cost about as much as a tenth of parsing an average line, and was a third of
 * what the workers allocated.
 *
 * <p>The batch holds the lines back to back, each followed by {@code '\n'}, so consecutive lines are
 * consecutive root-level JSON values. A line is taken from the shared parser only when it is an
 * unremarkable event: valid UTF-8, no NUL in its head, an object that parses into an event and ends
 * inside the line followed by nothing but blanks up to the line end. Anything else (a rejection of any
 * kind, or an object that would run into the next line) drops the shared parser and parses the line
 * again alone with {@link ExchangeLogReader#parseEventLine}, exactly as the one-parser-per-line path
 * does; the next line starts a new shared parser. So every line gets the same result (the same
 * exchange, or the same rejection with the same reason and detail) as when parsed alone: an object
 * that ends inside its line was read from the line's bytes only, and the blanks after it are what
 * a lone parser would have skipped before reporting the end of input.
 *
 * <p>Not thread-safe: one per batch, on the worker thread that parses it; {@link #close()} before the
 * batch's byte array is reused.
 */
final class BatchLineParser implements AutoCloseable {

    private final ExchangeLogReader reader;
    private final RecordParser records;
    private final JsonFactory factory;
    private final byte[] data;
    private final int dataEnd;
    private final String source;
    /** The shared parser, or null when the next line starts a new one. */
    private JsonParser shared;
    /** Index into {@link #data} where {@link #shared} started (its byte offsets count from there). */
    private int sharedStart;
    /** Shared parsers created so far (for tests: one per run of unremarkable lines). */
    private int parsersCreated;

    BatchLineParser(ExchangeLogReader reader, RecordParser records, JsonFactory factory, byte[] data, int dataEnd,
            String source) {
        this.reader = reader;
        this.records = records;
        this.factory = factory;
        this.data = data;
        this.dataEnd = dataEnd;
        this.source = source;
    }

    /**
     * Parses the line {@code data[off, off + len)} (BOM and CR already removed, not blank); lines must
     * come in batch order. Returns an {@link Exchange} or a {@link Rejection}.
     */
    Object parse(int off, int len, long lineNumber, long byteOffset) {
        if (Utf8.firstInvalid(data, off, len) >= 0 || ExchangeLogReader.nulInHead(data, off, len)) {
            return alone(off, len, lineNumber, byteOffset);
        }
        try {
            if (shared == null) {
                shared = factory.createParser(data, off, dataEnd - off);
                sharedStart = off;
                parsersCreated++;
            }
            Exchange e = records.parseEvent(shared, false);
            long after = sharedStart + shared.currentLocation().getByteOffset();
            int end = off + len;
            if (after <= off || after > end || !blanks(data, (int) after, end)) {
                return alone(off, len, lineNumber, byteOffset);
            }
            return e;
        } catch (IOException | LineRejected | RuntimeException e) {
            return alone(off, len, lineNumber, byteOffset);
        }
    }

    int parsersCreated() {
        return parsersCreated;
    }

    /** The one-parser-per-line result; the next line starts a new shared parser. */
    private Object alone(int off, int len, long lineNumber, long byteOffset) {
        drop();
        return reader.parseEventLine(records, data, off, len, lineNumber, byteOffset, source);
    }

    /** Only JSON whitespace that can occur inside a line (the line end itself is not part of it). */
    private static boolean blanks(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private void drop() {
        JsonParser p = shared;
        shared = null;
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                // a parser over a byte array has nothing to release that can fail
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
