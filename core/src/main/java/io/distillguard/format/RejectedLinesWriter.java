package io.distillguard.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each rejection as one JSON line: {@code {"source":…,"line":…,"byte_offset":…,"reason":…,
 * "detail":…,"excerpt":…}}. The excerpt is the line's start (at most a few hundred characters,
 * JSON-escaped), never the whole line. Write failures surface as {@link UncheckedIOException}
 * from {@link #reject}, since a lost reject report must not go unnoticed.
 */
public final class RejectedLinesWriter implements RejectSink, Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator out;
    private long written;

    /** Creates (or truncates) {@code file}. */
    public RejectedLinesWriter(Path file) throws IOException {
        this(Files.newOutputStream(file));
    }

    /** Writes to {@code out}, which is closed by {@link #close()}. */
    public RejectedLinesWriter(OutputStream out) throws IOException {
        this.out = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.out.setRootValueSeparator(null);
    }

    @Override
    public void reject(Rejection r) {
        try {
            out.writeStartObject();
            out.writeStringField("source", r.source());
            out.writeNumberField("line", r.lineNumber());
            out.writeNumberField("byte_offset", r.byteOffset());
            out.writeStringField("reason", r.reason());
            out.writeStringField("detail", r.detail());
            out.writeStringField("excerpt", r.excerpt());
            out.writeEndObject();
            out.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rejections written so far. */
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
