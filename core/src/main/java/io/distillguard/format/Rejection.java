package io.distillguard.format;

import java.util.Objects;

/**
 * One rejected input line.
 *
 * @param source the file (or stream name) the line came from
 * @param lineNumber 1-based physical line number (lines end at {@code \n})
 * @param byteOffset offset of the line's first byte in the (decompressed) stream, 0-based
 * @param reason one of the codes of {@link RejectReason#code()}, e.g. {@code not_json}
 * @param detail a short human-readable explanation (field name, parser message); never null
 * @param excerpt the first few hundred characters of the line, decoded leniently (invalid UTF-8
 *     becomes U+FFFD); never the whole of a long line; empty when nothing useful can be shown
 */
public record Rejection(String source, long lineNumber, long byteOffset, String reason, String detail,
        String excerpt) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        excerpt = excerpt == null ? "" : excerpt;
    }

    /** A rejection without an excerpt (the form in the stream contract). */
    public Rejection(String source, long lineNumber, long byteOffset, String reason, String detail) {
        this(source, lineNumber, byteOffset, reason, detail, "");
    }
}
