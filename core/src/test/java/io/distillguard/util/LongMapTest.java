package io.distillguard.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LongMapTest {

    /** Behaves like {@code HashMap.putIfAbsent} / {@code get} / {@code size} for any keys, 0 and repeats included. */
    @Property(tries = 300)
    void matchesHashMap(@ForAll @Size(max = 3000) List<Long> keys, @ForAll long probeSeed) {
        LongMap<String> m = new LongMap<>();
        Map<Long, String> ref = new HashMap<>();
        java.util.Random r = new java.util.Random(probeSeed);
        for (int i = 0; i < keys.size(); i++) {
            // few distinct keys half of the time, so repeats (first text wins) are exercised
            long k = r.nextBoolean() ? keys.get(i) : keys.get(i) % 7;
            String v = "v" + i;
            m.putIfAbsent(k, v);
            ref.putIfAbsent(k, v);
            assertThat(m.size()).isEqualTo(ref.size());
        }
        for (Map.Entry<Long, String> e : ref.entrySet()) {
            assertThat(m.get(e.getKey())).isEqualTo(e.getValue());
        }
        for (int i = 0; i < 200; i++) {
            long k = r.nextLong();
            assertThat(m.get(k)).isEqualTo(ref.get(k));
        }
        assertThat(m.sortedKeys()).containsExactly(ref.keySet().stream().sorted().mapToLong(Long::longValue).toArray());
    }

    @Test
    void computeIfAbsentMakesOnceAndKeepsTheFirstValue() {
        LongMap<int[]> m = new LongMap<>();
        int[] made = {0};
        for (int round = 0; round < 3; round++) {
            for (long k = -5; k <= 5; k++) {
                m.computeIfAbsent(k, x -> {
                    made[0]++;
                    return new int[1];
                })[0]++;
            }
        }
        assertThat(made[0]).isEqualTo(11);
        assertThat(m.get(0)[0]).isEqualTo(3);
        assertThat(m.get(-5)[0]).isEqualTo(3);
        assertThat(m.sortedKeys()).containsExactly(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5);
        assertThatThrownBy(() -> m.computeIfAbsent(9, x -> null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void packedPairsSpreadOverTheTable() {
        // (a << 32) | b with equal a ^ b: one bin of a HashMap<Long, V>; all distinct here
        LongMap<String> m = new LongMap<>();
        for (int a = 0; a < 4096; a++) {
            m.putIfAbsent(((long) a << 32) | (a ^ 77), "p" + a);
        }
        assertThat(m.size()).isEqualTo(4096);
        assertThat(m.get((123L << 32) | (123 ^ 77))).isEqualTo("p123");
    }

    @Test
    void keysSharingLowOrHighBitsStayApart() {
        LongMap<String> m = new LongMap<>();
        for (long i = 0; i < 50_000; i++) {
            m.putIfAbsent(i << 40, "hi" + i);
            m.putIfAbsent(i, "lo" + i);
        }
        assertThat(m.size()).isEqualTo(99_999); // key 0 is both i << 40 and i for i = 0
        assertThat(m.get(0)).isEqualTo("hi0");
        assertThat(m.get(49_999L << 40)).isEqualTo("hi49999");
        assertThat(m.get(49_999L)).isEqualTo("lo49999");
        assertThat(m.get(50_000L)).isNull();
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> new LongMap<String>().putIfAbsent(1, null)).isInstanceOf(NullPointerException.class);
    }
}
