package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The splitter agrees with a naive split whatever the buffer sizes and however the stream chunks its reads. */
class LineSplitterTest {

    record Piece(long lineNumber, long offset, long length, String head) {
    }

    private static List<Piece> reference(byte[] b, int max) {
        List<Piece> out = new ArrayList<>();
        int start = 0;
        long n = 0;
        for (int i = 0; i <= b.length; i++) {
            boolean end = i == b.length;
            if (end && start == b.length) {
                break;
            }
            if (end || b[i] == '\n') {
                int len = i - start;
                n++;
                int headLen = len > max ? Math.min(Math.min(len, LineSplitter.HEAD_BYTES), max + 1) : len;
                out.add(new Piece(n, start, len, new String(Arrays.copyOfRange(b, start, start + headLen),
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
                start = i + 1;
            }
        }
        return out;
    }

    /** A stream that returns at most a random small number of bytes per read. */
    private static InputStream trickle(byte[] b, long seed) {
        Random r = new Random(seed);
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] dst, int off, int len) {
                return super.read(dst, off, Math.min(len, 1 + r.nextInt(37)));
            }
        };
    }

    private static List<Piece> split(InputStream in, int max, int initial) throws IOException {
        List<Piece> out = new ArrayList<>();
        new LineSplitter(in, max, initial).run(new LineSplitter.Handler() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber, long byteOffset) {
                out.add(new Piece(lineNumber, byteOffset, len,
                        new String(buf, off, len, java.nio.charset.StandardCharsets.ISO_8859_1)));
            }

            @Override
            public void tooLong(long lineNumber, long byteOffset, long length, byte[] head, int headLen) {
                out.add(new Piece(lineNumber, byteOffset, length,
                        new String(head, 0, headLen, java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
        });
        return out;
    }

    @Property(tries = 400)
    void agreesWithNaiveSplit(@ForAll("text") byte[] input, @ForAll @IntRange(min = 1, max = 1200) int max,
            @ForAll @IntRange(min = 1, max = 64) int initial, @ForAll long seed) throws IOException {
        List<Piece> expected = reference(input, max);
        assertThat(split(trickle(input, seed), max, initial)).isEqualTo(expected);
        assertThat(split(new ByteArrayInputStream(input), max, initial)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> text() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab{}\r ").ofMaxLength(30),
                Arbitraries.strings().withChars("xyz").ofMinLength(500).ofMaxLength(3000));
        return line.list().ofMaxSize(12).flatMap(lines -> Arbitraries.of(true, false).map(trailing -> {
            String s = String.join("\n", lines) + (trailing ? "\n" : "");
            return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }));
    }
}
