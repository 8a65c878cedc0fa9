package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.model.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel read must give exactly what the sequential read gives: same exchanges in the same
 * order, same rejections (line numbers, offsets, reasons, order) and same counts.
 */
class ParallelReadTest {

    /** Shared by the JUnit and the jqwik tests of this class (daemon threads, so no shutdown needed). */
    private static final ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "parallel-read-test");
        t.setDaemon(true);
        return t;
    });

    private static final int MAX_LINE = 2_000;

    /** Line kinds mixed into test files; every kind lands in a different bucket or reason. */
    private static String line(int kind, int n, Random rnd) {
        String id = "e" + n;
        switch (kind) {
            case 0:
                return ReaderTestSupport.event(id, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi " + n + "\"}]}",
                        "\"client\":{\"ip\":\"10.0." + (n % 7) + ".1\"}");
            case 1: // duplicate of a recent id
                return ReaderTestSupport.event("e" + Math.max(0, n - 1 - rnd.nextInt(40)), "{\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}", null);
            case 2:
                return "";
            case 3:
                return "  \t ";
            case 4:
                return "{\"id\":\"" + id + "\",\"ts\":"; // truncated JSON
            case 5:
                return "{\"id\":\"" + id + "\",\"ts\":true,\"account_id\":\"a\",\"request\":{}}"; // wrong type
            case 6:
                return ReaderTestSupport.event(id, "{\"prompt\":\"" + "x".repeat(MAX_LINE) + "\"}", null); // too long
            case 7:
                return "{\"id\":\"" + id + "\",\"bad\":\"\u0000\"}"; // raw NUL in a string is not JSON
            case 8:
                return "{\"id\":\"" + id + "\",\"x\":" + "[".repeat(80) + "]".repeat(80) + "}"; // too deep
            // the kinds below probe the one-parser-for-many-lines path (see BatchLineParser)
            case 11: // trailing content after a complete event
                return ReaderTestSupport.event(id, "{\"messages\":[]}", null) + (rnd.nextBoolean() ? " x" : "{}");
            case 12: // blanks around a complete event
                return " \t" + ReaderTestSupport.event(id, "{\"input\":\"hello\"}", null) + " \t ";
            case 13: // an event cut in two lines: neither half may borrow from the other
                return "{\"id\":\"" + id + "\",\"ts\":1770000000000,\n\"account_id\":\"a\",\"request\":{\"input\":\"x\"}}";
            case 14: // valid JSON, not an event
                return rnd.nextBoolean() ? "{}" : "[{\"id\":\"" + id + "\"}]";
            case 15: // required field missing after a fully read object
                return "{\"id\":\"" + id + "\",\"account_id\":\"a\",\"request\":{\"input\":\"x\"}}";
            case 16: // a byte-order mark or a form feed at the start of a later line
                return (rnd.nextBoolean() ? "\uFEFF" : "\f") + ReaderTestSupport.event(id, "{\"input\":\"x\"}", null);
            case 17: // an unterminated string runs to the line end
                return "{\"id\":\"" + id + "\",\"ts\":1770000000000,\"account_id\":\"a\",\"request\":{\"input\":\"x}}";
            default:
                return "not json " + n;
        }
    }

    /** A file of {@code lines} random lines, CRLF or LF ends, optional BOM, optional bad UTF-8 lines. */
    private static byte[] file(long seed, int lines, boolean bom) {
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (int i = 0; i < lines; i++) {
            int r = rnd.nextInt(100);
            int kind = r < 60 ? 0 : r < 68 ? 1 : 2 + rnd.nextInt(16);
            if (kind == 10) {
                out.writeBytes(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}); // invalid UTF-8
            } else {
                out.writeBytes(line(kind, i, rnd).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(rnd.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        if (rnd.nextBoolean()) {
            out.writeBytes(line(0, lines, rnd).getBytes(StandardCharsets.UTF_8)); // last line without newline
        }
        return out.toByteArray();
    }

    private record Result(List<Exchange> events, List<Object> extras, List<Rejection> rejects, ReadStats stats) {
    }

    private static ExchangeLogReader reader(int window) {
        return ExchangeLogReader.builder().maxLineBytes(MAX_LINE).duplicateWindow(window).build();
    }

    private static Result sequential(ExchangeLogReader r, Path... files) throws IOException {
        List<Exchange> events = new ArrayList<>();
        List<Rejection> rejects = new ArrayList<>();
        ReadStats s = ReadStats.EMPTY;
        for (Path f : files) {
            s = s.plus(r.readEvents(f, events::add, rejects::add));
        }
        List<Object> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.id() + "@" + e.accountId()));
        return new Result(events, ids, rejects, s);
    }

    private static Result parallel(ExchangeLogReader r, Path... files) throws IOException {
        List<Exchange> events = new ArrayList<>();
        List<Object> extras = new ArrayList<>();
        List<Rejection> rejects = new ArrayList<>();
        Thread caller = Thread.currentThread();
        ReadStats s = ReadStats.EMPTY;
        for (Path f : files) {
            s = s.plus(r.readEventsParallel(f, pool, () -> e -> e.id() + "@" + e.accountId(), (e, x) -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                events.add(e);
                extras.add(x);
            }, rejects::add));
        }
        return new Result(events, extras, rejects, s);
    }

    private static void assertSame(Result seq, Result par) {
        assertThat(par.stats()).isEqualTo(seq.stats());
        assertThat(par.rejects()).containsExactlyElementsOf(seq.rejects());
        assertThat(par.events()).containsExactlyElementsOf(seq.events());
        // each analysis result travels with its own exchange
        assertThat(par.extras()).containsExactlyElementsOf(seq.extras());
    }

    @Test
    void sameAsSequentialOnAMixedFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mixed.jsonl");
        Files.write(f, file(7, 5_000, true));
        Result seq = sequential(reader(1 << 20), f);
        Result par = parallel(reader(1 << 20), f);
        assertSame(seq, par);
        // the file really exercises every bucket and several batches
        assertThat(seq.stats().totalLines()).isGreaterThan(4 * ParallelEventRead.BATCH_LINES);
        assertThat(seq.stats().duplicates()).isPositive();
        assertThat(seq.stats().blank()).isPositive();
        assertThat(seq.stats().rejectsByReason()).containsKeys(RejectReason.LINE_TOO_LONG.code(),
                RejectReason.NOT_JSON.code(), RejectReason.INVALID_UTF8.code(), RejectReason.WRONG_TYPE.code(),
                RejectReason.TOO_DEEP.code());
        assertThat(seq.events().get(0).id()).isEqualTo(seq.events().get(0).id().strip()); // BOM stripped
    }

    @Test
    void duplicateWindowSpansFilesAndIsExact(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.write(a, file(11, 1_500, false));
        Files.write(b, file(11, 1_500, false)); // every event of b repeats one of a
        for (int window : new int[] {1, 30, 1 << 20}) {
            Result seq = sequential(reader(window), a, b);
            Result par = parallel(reader(window), a, b);
            assertSame(seq, par);
        }
        assertThat(sequential(reader(1 << 20), a, b).stats().duplicates())
                .isGreaterThan(sequential(reader(1 << 20), a).stats().accepted());
    }

    @Test
    void analysisFailureSurfacesAndStopsTheRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.jsonl");
        Files.write(f, file(3, 3_000, false));
        ExchangeLogReader r = reader(1 << 20);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> r.readEventsParallel(f, pool, () -> e -> {
            if (calls.incrementAndGet() == 1_000) {
                throw new IllegalStateException("boom");
            }
            return e;
        }, (e, x) -> { }, RejectSink.NONE)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> reader(1).readEventsParallel(dir.resolve("none.jsonl"), pool, () -> e -> e,
                (e, x) -> { }, RejectSink.NONE)).isInstanceOf(IOException.class);
    }

    @Property(tries = 25)
    void randomMixesReadTheSame(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1_500) int lines,
            @ForAll boolean bom, @ForAll @IntRange(min = 1, max = 64) int window) throws IOException {
        Path dir = Files.createTempDirectory("parallel-read");
        try {
            Path f = dir.resolve("p.jsonl");
            Files.write(f, file(seed, lines, bom));
            assertSame(sequential(reader(window), f), parallel(reader(window), f));
        } finally {
            Files.deleteIfExists(dir.resolve("p.jsonl"));
            Files.delete(dir);
        }
    }
}
