package io.distillguard.format;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines at {@code \n} without decoding it. Lines are handed out as slices
 * of one reusable buffer (no copy for lines that fit); the buffer grows to at most
 * {@code maxLineBytes + 1} bytes, so a longer line is detected after that many bytes and then
 * skipped chunk by chunk, never held in memory whole.
 */
final class LineSplitter {

    /** Receives lines in order. The slice is only valid during the call. */
    interface Handler {
        void line(byte[] buf, int off, int len, long lineNumber, long byteOffset) throws IOException;

        /** A line longer than the limit; {@code head} holds its first min(512, limit + 1) bytes. */
        void tooLong(long lineNumber, long byteOffset, long length, byte[] head, int headLen) throws IOException;
    }

    static final int HEAD_BYTES = 512;
    private static final int INITIAL = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final int maxBuffer;
    private byte[] buf;
    private long bytesRead;

    LineSplitter(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, INITIAL);
    }

    /** With a chosen initial buffer size (tests use tiny ones to exercise compaction and growth). */
    LineSplitter(InputStream in, int maxLineBytes, int initialBuffer) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) initialBuffer, (long) maxLineBytes + 1));
        this.buf = new byte[Math.min(initialBuffer, maxBuffer)];
    }

    /** Bytes consumed from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    void run(Handler h) throws IOException {
        int start = 0;
        int end = 0;
        int scan = 0;
        long lineNo = 0;
        long startOffset = 0; // stream offset of buf[start]
        while (true) {
            int nl = indexOfNewline(buf, scan, end);
            if (nl >= 0) {
                int len = nl - start;
                lineNo++;
                if (len > maxLineBytes) {
                    byte[] head = head(start, len);
                    h.tooLong(lineNo, startOffset, len, head, head.length);
                } else {
                    h.line(buf, start, len, lineNo, startOffset);
                }
                startOffset += len + 1;
                start = nl + 1;
                scan = start;
                continue;
            }
            scan = end;
            if (end - start > maxLineBytes) {
                lineNo++;
                long lineOffset = startOffset;
                byte[] head = head(start, end - start);
                int headLen = head.length;
                long length = end - start;
                start = 0;
                end = 0;
                scan = 0;
                boolean eof = false;
                while (true) {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    bytesRead += n;
                    int k = indexOfNewline(buf, 0, n);
                    if (k >= 0) {
                        length += k;
                        start = k + 1;
                        scan = start;
                        end = n;
                        break;
                    }
                    length += n;
                }
                h.tooLong(lineNo, lineOffset, length, head, headLen);
                startOffset = lineOffset + length + 1;
                if (eof) {
                    return;
                }
                continue;
            }
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    scan -= start;
                    start = 0;
                } else {
                    byte[] bigger = new byte[(int) Math.min(maxBuffer, buf.length * 2L)];
                    System.arraycopy(buf, 0, bigger, 0, end);
                    buf = bigger;
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start) {
                    lineNo++;
                    h.line(buf, start, end - start, lineNo, startOffset);
                }
                return;
            }
            bytesRead += n;
            end += n;
        }
    }

    /** The first bytes of an over-long line: min(len, HEAD_BYTES, maxLineBytes + 1), independent of chunking. */
    private byte[] head(int start, int len) {
        byte[] head = new byte[Math.min(Math.min(len, HEAD_BYTES), maxLineBytes + 1)];
        System.arraycopy(buf, start, head, 0, head.length);
        return head;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** First {@code \n} in [from, to), or -1; eight bytes per step (the lowest flagged byte of the zero-byte test is exact). */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = ((long) LONGS.get(b, i)) ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
