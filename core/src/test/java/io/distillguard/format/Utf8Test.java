package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class Utf8Test {

    /** The word-at-a-time ASCII skipping must not change the answer of a plain byte-by-byte check. */
    @Property(tries = 2000)
    void sameAsByteByByte(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n) {
        java.util.Random r = new java.util.Random(seed);
        byte[] b = new byte[n + 20];
        // dense or rare non-ASCII: long all-ASCII runs exercise the 32- and 16-byte steps and their edges
        int asciiPercent = new int[] {85, 98, 100}[r.nextInt(3)];
        for (int i = 0; i < b.length; i++) {
            int k = r.nextInt(100) * 85 / asciiPercent;
            // mostly ASCII runs, some valid multi-byte text, some stray high bytes
            b[i] = (byte) (k < 85 ? 0x20 + r.nextInt(95) : k < 95 ? new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xE2,
                (byte) 0x82, (byte) 0xAC, (byte) 0xF0, (byte) 0x9F}[r.nextInt(7)] : r.nextInt(256));
        }
        if (asciiPercent == 100) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(128)); // one stray byte somewhere
        }
        int off = r.nextInt(11);
        int len = Math.min(n, b.length - off);
        assertThat(Utf8.firstInvalid(b, off, len)).isEqualTo(reference(b, off, len));
    }

    /** RFC 3629 byte by byte (the validator without its ASCII fast path). */
    private static int reference(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80;
                hi = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                lo = c == 0xF0 ? 0x90 : 0x80;
                hi = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (end - i - 1 < need) {
                return i;
            }
            int c1 = b[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int ck = b[i + k] & 0xff;
                if (ck < 0x80 || ck > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
