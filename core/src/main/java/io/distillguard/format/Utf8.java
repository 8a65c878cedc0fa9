package io.distillguard.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (RFC 3629): rejects overlong forms, surrogates and code points beyond U+10FFFF. */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** Index (absolute, into {@code b}) of the first byte of the first invalid sequence, or -1 when valid. */
    static int firstInvalid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            // ASCII fast path, 32, 16 then 8 bytes at a time: almost all JSON structure and most text is
            // ASCII; four independent loads per step keep the CPU's load ports busy
            if (i + 32 <= end && ((((long) LONGS.get(b, i)) | ((long) LONGS.get(b, i + 8))
                    | ((long) LONGS.get(b, i + 16)) | ((long) LONGS.get(b, i + 24))) & HIGH_BITS) == 0) {
                i += 32;
                continue;
            }
            if (i + 16 <= end && ((((long) LONGS.get(b, i)) | ((long) LONGS.get(b, i + 8))) & HIGH_BITS) == 0) {
                i += 16;
                continue;
            }
            if (i + 8 <= end && (((long) LONGS.get(b, i)) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
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
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return i;
            }
            if (end - i - 1 < need) {
                return i; // truncated sequence at the end of the line
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
