package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LongNameMapTest {

    /** Behaves like {@code HashMap.putIfAbsent} / {@code get} / {@code size} for any keys, 0 and repeats included. */
    @Property(tries = 300)
    void matchesHashMap(@ForAll @Size(max = 3000) List<Long> keys, @ForAll long probeSeed) {
        LongNameMap m = new LongNameMap();
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
    }

    @Test
    void keysSharingLowOrHighBitsStayApart() {
        LongNameMap m = new LongNameMap();
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
        assertThatThrownBy(() -> new LongNameMap().putIfAbsent(1, null)).isInstanceOf(NullPointerException.class);
    }
}
