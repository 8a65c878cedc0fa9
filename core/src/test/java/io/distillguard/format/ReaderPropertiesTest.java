package io.distillguard.format;

import static io.distillguard.format.ReaderTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, the reader never throws and accounts for every physical line:
 * {@code totalLines == accepted + rejected + blank + duplicates}, where {@code totalLines} is the
 * number of {@code \n} plus one when the input does not end with {@code \n} (and is non-empty).
 */
class ReaderPropertiesTest {

    private static final ExchangeLogReader.Builder SMALL = ExchangeLogReader.builder().maxLineBytes(300).maxDepth(8);

    private static long physicalLines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        if (b.length > 0 && b[b.length - 1] != '\n') {
            n++;
        }
        return n;
    }

    private static void assertAccounted(byte[] input, ReaderTestSupport r) {
        ReadStats s = r.stats;
        assertThat(s.totalLines()).isEqualTo(physicalLines(input));
        assertThat(s.accepted() + s.rejected() + s.blank() + s.duplicates()).isEqualTo(s.totalLines());
        assertThat(s.accepted()).isEqualTo(r.events.size());
        assertThat(s.rejected()).isEqualTo(r.rejections.size());
        assertThat(s.rejectsByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.rejected());
        assertThat(s.rejectsByReason()).doesNotContainKey(RejectReason.INTERNAL_ERROR.code());
        assertThat(s.bytesRead()).isEqualTo(input.length);
    }

    @Property(tries = 300)
    void arbitraryBytesAreAccountedFor(@ForAll("noisyBytes") byte[] input) {
        ReaderTestSupport r = ReaderTestSupport.readEvents(SMALL.build(), input);
        assertAccounted(input, r);
    }

    @Property(tries = 300)
    void arbitraryJsonLinesAreAccountedFor(@ForAll @Size(max = 12) List<@net.jqwik.api.From("jsonLine") String> lines) {
        byte[] input = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        ReaderTestSupport r = ReaderTestSupport.readEvents(ExchangeLogReader.builder().maxDepth(8).build(), input);
        assertAccounted(input, r);
    }

    @Property(tries = 200)
    void badLinesDoNotChangeHowGoodLinesAreRead(@ForAll("validEvents") List<String> good,
            @ForAll("noisyBytes") byte[] noise) {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        ByteArrayOutputStream dirty = new ByteArrayOutputStream();
        for (String g : good) {
            byte[] line = (g + "\n").getBytes(StandardCharsets.UTF_8);
            clean.writeBytes(line);
            dirty.writeBytes(noise);
            dirty.write('\n');
            dirty.writeBytes(line);
        }
        // a noise line that happens to be a valid event would legitimately change the result
        ReaderTestSupport noiseAlone = ReaderTestSupport.readEvents(SMALL.build(), noise);
        net.jqwik.api.Assume.that(noiseAlone.events.isEmpty());
        ReaderTestSupport a = ReaderTestSupport.readEvents(SMALL.build(), clean.toByteArray());
        ReaderTestSupport b = ReaderTestSupport.readEvents(SMALL.build(), dirty.toByteArray());
        assertThat(b.events).isEqualTo(a.events);
        assertAccounted(dirty.toByteArray(), b);
    }

    @Provide
    Arbitrary<byte[]> noisyBytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\n', (byte) '\r', (byte) '{', (byte) '}', (byte) '"',
                (byte) '[', (byte) ':', (byte) ' ', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0x80,
                (byte) 0xFF, (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(2, any))
                .list().ofMaxSize(700)
                .map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = l.get(i);
                    }
                    return b;
                });
    }

    @Provide
    Arbitrary<String> jsonLine() {
        Arbitrary<String> valid = validEvent();
        Arbitrary<String> value = jsonValue(4);
        Arbitrary<String> object = jsonObject(value);
        Arbitrary<String> mangled = valid.flatMap(v -> Arbitraries.integers().between(0, v.length())
                .map(cut -> v.substring(0, cut)));
        return Arbitraries.oneOf(valid, value, object, mangled,
                Arbitraries.of("", "  ", "\r", "\uFEFF{}", "null", "{\"id\":\"x\"}"));
    }

    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(ReaderPropertiesTest::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e999", "-0", "123456789012345678901234567890"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> jsonValue(depth - 1));
        Arbitrary<String> array = sub.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        return Arbitraries.oneOf(leaf, array, jsonObject(sub));
    }

    private static Arbitrary<String> jsonObject(Arbitrary<String> values) {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("id", "ts", "account_id", "request", "api", "model", "messages", "input", "role",
                        "content", "type", "text", "tools", "system", "client", "usage", "thinking", "tool_calls",
                        "output", "reasoning", "metadata", "response_format"),
                Arbitraries.strings().alpha().ofMaxLength(5));
        return Combinators.combine(key, values).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(6)
                .map(l -> "{" + String.join(",", l) + "}");
    }

    @Provide
    Arbitrary<List<String>> validEvents() {
        return validEvent().list().ofMinSize(1).ofMaxSize(5).map(l -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(l.get(i).replace("\"id\":\"e", "\"id\":\"e" + i + "_"));
            }
            return out;
        });
    }

    private static Arbitrary<String> validEvent() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30).map(ReaderPropertiesTest::quote);
        Arbitrary<String> body = Arbitraries.oneOf(
                text.map(t -> "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":" + t + "}]}"),
                text.map(t -> "{\"model\":\"m\",\"input\":" + t + "}"),
                text.map(t -> "{\"model\":\"m\",\"max_tokens\":5,\"system\":" + t
                        + ",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":" + t + "}]}]}"));
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), body)
                .as((id, b) -> event("e" + id, b, null));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Property(tries = 50)
    void exchangesAreEqualAcrossReads(@ForAll("validEvents") List<String> good) {
        byte[] in = String.join("\n", good).getBytes(StandardCharsets.UTF_8);
        List<Exchange> a = ReaderTestSupport.readEvents(ExchangeLogReader.builder().build(), in).events;
        List<Exchange> b = ReaderTestSupport.readEvents(ExchangeLogReader.builder().build(), in).events;
        assertThat(a).isEqualTo(b).hasSize(good.size());
    }
}
