package io.distillguard.format;

import static io.distillguard.format.ReaderTestSupport.event;
import static io.distillguard.format.ReaderTestSupport.readEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final String OK_BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String reasonOf(String line) {
        ReaderTestSupport r = readEvents(line + "\n");
        assertThat(r.events).isEmpty();
        assertThat(r.rejections).hasSize(1);
        Rejection rej = r.rejections.get(0);
        assertThat(rej.lineNumber()).isEqualTo(1);
        assertThat(rej.detail()).isNotEmpty();
        return rej.reason();
    }

    @Test
    void classifiesEachKindOfBadLine() {
        assertThat(reasonOf("{\"id\":\"x\",")).isEqualTo("not_json");
        assertThat(reasonOf("hello world")).isEqualTo("not_json");
        assertThat(reasonOf("{\"id\":\"x\"} {\"id\":\"y\"}")).isEqualTo("not_json");
        assertThat(reasonOf("[1,2,3]")).isEqualTo("not_object");
        assertThat(reasonOf("\"just a string\"")).isEqualTo("not_object");
        assertThat(reasonOf("{\"ts\":1770000000000,\"account_id\":\"a\",\"request\":" + OK_BODY + "}")).isEqualTo("missing_field");
        assertThat(reasonOf("{\"id\":null,\"ts\":1770000000000,\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .isEqualTo("missing_field");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":1770000000000,\"account_id\":\"a\"}")).isEqualTo("missing_field");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":1770000000000,\"account_id\":\"\",\"request\":" + OK_BODY + "}"))
                .as("empty id").isEqualTo("missing_field");
        assertThat(reasonOf("{\"id\":7,\"ts\":1770000000000,\"account_id\":\"a\",\"request\":" + OK_BODY + "}")).isEqualTo("wrong_type");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":1770000000000,\"account_id\":\"a\",\"request\":\"hi\"}")).isEqualTo("wrong_type");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":\"2026-02-10 03:14\",\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .isEqualTo("bad_timestamp");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":\"2026-02-10T03:14:07\",\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .as("offset is required").isEqualTo("bad_timestamp");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":1.5,\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .isEqualTo("bad_timestamp");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":1770000000,\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .as("epoch seconds").isEqualTo("bad_timestamp");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":\"1770000000000\",\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .as("number in a string").isEqualTo("bad_timestamp");
        assertThat(reasonOf("{\"id\":\"x\",\"ts\":true,\"account_id\":\"a\",\"request\":" + OK_BODY + "}"))
                .isEqualTo("wrong_type");
        assertThat(reasonOf(event("x", OK_BODY, "\"api\":\"google.gemini\""))).isEqualTo("unknown_api");
        assertThat(reasonOf(event("x", "{\"model\":\"m\",\"prompt\":\"legacy\"}", null))).isEqualTo("unknown_api");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] good = (event("a", OK_BODY, null) + "\n").getBytes(StandardCharsets.UTF_8);
        String bad = event("b", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"XX\"}]}", null);
        byte[] badBytes = (bad + "\n").getBytes(StandardCharsets.UTF_8);
        int i = new String(badBytes, StandardCharsets.ISO_8859_1).indexOf("XX");
        badBytes[i] = (byte) 0xC3; // lead byte followed by ASCII: invalid
        badBytes[i + 1] = (byte) 0x28;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(badBytes);
        all.writeBytes(good);
        ReaderTestSupport r = readEvents(ExchangeLogReader.builder().build(), all.toByteArray());
        assertThat(r.events).extracting(e -> e.id()).containsExactly("a");
        assertThat(r.rejections).singleElement().satisfies(x -> assertThat(x.reason()).isEqualTo("invalid_utf8"));
    }

    @Test
    void utf16LookingLineIsNotDecodedAsUtf16() {
        String line = event("u", OK_BODY, null);
        byte[] utf16 = line.getBytes(java.nio.charset.StandardCharsets.UTF_16BE); // 00 7B 00 22 ...: valid UTF-8 bytes
        ReaderTestSupport r = readEvents(ExchangeLogReader.builder().build(), utf16);
        assertThat(r.events).isEmpty();
        assertThat(r.rejections).singleElement().satisfies(x -> assertThat(x.reason()).isEqualTo("not_json"));
    }

    @Test
    void utf8ValidatorIsStrict() {
        assertThat(Utf8.firstInvalid(bytes(0xED, 0xA0, 0x80), 0, 3)).as("surrogate").isZero();
        assertThat(Utf8.firstInvalid(bytes(0xC0, 0xAF), 0, 2)).as("overlong").isZero();
        assertThat(Utf8.firstInvalid(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4)).as("> U+10FFFF").isZero();
        assertThat(Utf8.firstInvalid(bytes(0x41, 0xE2, 0x82), 0, 3)).as("truncated").isEqualTo(1);
        byte[] ok = "añ€😀 plain ascii text that is long enough".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(ok, 0, ok.length)).isEqualTo(-1);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void tooLongLineIsSkippedAndOthersSurvive() {
        StringBuilder sb = new StringBuilder();
        sb.append(event("a", OK_BODY, null)).append('\n');
        String huge = "x".repeat(12 * 1024 * 1024);
        sb.append(event("big", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + huge + "\"}]}", null))
                .append('\n');
        sb.append(event("c", OK_BODY, null)).append('\n');
        ReaderTestSupport r = readEvents(sb.toString());
        assertThat(r.events).extracting(e -> e.id()).containsExactly("a", "c");
        assertThat(r.rejections).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("line_too_long");
            assertThat(x.lineNumber()).isEqualTo(2);
            assertThat(x.excerpt().length()).isLessThanOrEqualTo(LineSplitter.HEAD_BYTES);
        });
        assertThat(r.stats.totalLines()).isEqualTo(3);
    }

    @Test
    void deepNestingIsRejectedWithoutRecursion() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        String line = event("d", "{\"model\":\"m\",\"messages\":[],\"x\":" + deep + "}", null);
        assertThat(reasonOf(line)).isEqualTo("too_deep");
        assertThat(reasonOf("[".repeat(50_000))).as("a top-level array is not looked into").isEqualTo("not_object");
    }

    @Test
    void bomCrlfAndBlankLinesAreTolerated() {
        String text = "\uFEFF" + event("a", OK_BODY, null) + "\r\n\r\n   \n" + event("b", OK_BODY, null) + "\r\n\n";
        ReaderTestSupport r = readEvents(text);
        assertThat(r.events).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(r.rejections).isEmpty();
        assertThat(r.stats.totalLines()).isEqualTo(5);
        assertThat(r.stats.blank()).isEqualTo(3);
    }

    @Test
    void duplicatesAreCountedOnce() {
        String text = event("a", OK_BODY, null) + "\n" + event("a", OK_BODY, null) + "\n" + event("b", OK_BODY, null);
        ReaderTestSupport r = readEvents(text);
        assertThat(r.events).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(r.stats.duplicates()).isEqualTo(1);
        assertThat(r.stats.totalLines()).isEqualTo(3);
    }

    @Test
    void statsAccountForEveryLineAndReportPositions() {
        String l1 = event("a", OK_BODY, null);
        String text = l1 + "\nnot json\n\n" + event("a", OK_BODY, null) + "\n[1]\n";
        ReaderTestSupport r = readEvents(text);
        ReadStats s = r.stats;
        assertThat(s.totalLines()).isEqualTo(5);
        assertThat(s.accepted() + s.rejected() + s.blank() + s.duplicates()).isEqualTo(s.totalLines());
        assertThat(s.rejectsByReason()).isEqualTo(Map.of("not_json", 1L, "not_object", 1L));
        assertThat(r.rejections.get(0).lineNumber()).isEqualTo(2);
        assertThat(r.rejections.get(0).byteOffset()).isEqualTo(l1.length() + 1);
        assertThat(r.rejections.get(1).lineNumber()).isEqualTo(5);
    }
    @Test
    void newlineSearchFindsTheFirstNewlineAtEveryPosition() {
        for (int len = 0; len < 40; len++) {
            for (int pos = -1; pos < len; pos++) {
                byte[] b = new byte[len];
                java.util.Arrays.fill(b, (byte) 0x0B);
                if (pos >= 0) {
                    b[pos] = '\n';
                    if (pos + 3 < len) {
                        b[pos + 3] = '\n';
                    }
                }
                assertThat(LineSplitter.indexOfNewline(b, 0, len)).isEqualTo(pos);
            }
        }
    }
}
