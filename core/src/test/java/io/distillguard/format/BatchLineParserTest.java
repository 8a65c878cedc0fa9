package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLineParserTest {

    private static final String OK = ReaderTestSupport.event("e", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "\"client\":{\"ip\":\"10.0.0.1\"}");

    /** Lines packed as ParallelEventRead packs them: each followed by '\n'. */
    private record Packed(byte[] data, int end, int[] off, int[] len) {
        static Packed of(List<byte[]> lines) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int[] off = new int[lines.size()];
            int[] len = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                off[i] = out.size();
                len[i] = lines.get(i).length;
                out.writeBytes(lines.get(i));
                out.write('\n');
            }
            byte[] d = out.toByteArray();
            return new Packed(d, d.length, off, len);
        }
    }

    private static List<byte[]> utf8(String... lines) {
        List<byte[]> l = new ArrayList<>();
        for (String s : lines) {
            l.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return l;
    }

    /** Every line gets what the one-parser-per-line path gives it; returns the shared parsers created. */
    private static int assertSameAsAlone(List<byte[]> lines) {
        ExchangeLogReader reader = ExchangeLogReader.builder().build();
        Packed p = Packed.of(lines);
        RecordParser alone = new RecordParser(reader.jsonFactory());
        try (BatchLineParser b = reader.batchParserOnWorker(p.data(), p.end(), "src")) {
            for (int i = 0; i < lines.size(); i++) {
                Object got = b.parse(p.off()[i], p.len()[i], i + 1, p.off()[i]);
                Object want = reader.parseEventLine(alone, p.data(), p.off()[i], p.len()[i], i + 1, p.off()[i], "src");
                assertThat(got).as("line %d: %s", i + 1, new String(lines.get(i), StandardCharsets.UTF_8))
                        .isEqualTo(want);
            }
            return b.parsersCreated();
        }
    }

    @Test
    void unremarkableLinesShareOneParser() {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add((i % 3 == 0 ? "  " + OK + " \t" : OK).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(assertSameAsAlone(lines)).isEqualTo(1);
    }

    @Test
    void anythingRemarkableIsParsedAloneAndTheNextLineStartsAfresh() {
        List<byte[]> lines = utf8(OK,
                OK + " x", // trailing content
                OK,
                OK + "{}", // a second object on the line
                OK,
                "{\"id\":\"a\",\"ts\":1770000000000,", // an event cut in two lines
                "\"account_id\":\"a\",\"request\":{\"input\":\"x\"}}",
                OK,
                "{\"id\":\"b\",\"account_id\":\"a\",\"request\":{\"input\":\"x\"}}", // no ts, object fully read
                OK,
                "\uFEFF" + OK, // a BOM: a lone parser skips it, a shared one cannot
                "\f" + OK,
                "[1]",
                "{}",
                OK,
                "{\"id\":\"c\",\"request\":{\"input\":\"x}}", // unterminated string
                OK,
                "{\"id\":\"d\",\"x\":" + "[".repeat(80) + "]".repeat(80) + "}",
                OK);
        lines.add(5, new byte[] {'{', '"', (byte) 0xC3, '"', '}'}); // invalid UTF-8
        lines.add(6, new byte[] {0, '{', '}'}); // NUL in the head
        assertThat(assertSameAsAlone(lines)).isGreaterThan(5);
    }
}
