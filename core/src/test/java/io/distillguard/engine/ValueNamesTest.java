package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValueNamesTest {

    /**
     * Same names as a plain map that keeps the first text of each hash and stops naming at capacity, for
     * streams that repeat hashes (the shortcut path), collide in the shortcut table and include hash 0.
     */
    @Property(tries = 200)
    void sameAsFirstTextWinsUpToCapacity(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int capacity,
            @ForAll @IntRange(min = 1, max = 20_000) int distinct) {
        Random r = new Random(seed);
        ValueNames names = new ValueNames(capacity);
        Map<Long, String> ref = new HashMap<>();
        long[] pool = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            pool[i] = r.nextInt(10) == 0 ? i : r.nextLong(); // small hashes (0 included) and spread ones
        }
        for (int n = 0; n < 20_000; n++) {
            long h = pool[r.nextInt(distinct)];
            String text = "t" + n;
            names.remember(h, text);
            if (ref.size() < capacity) {
                ref.putIfAbsent(h, text);
            }
            assertThat(names.size()).isEqualTo(ref.size());
        }
        for (long h : pool) {
            assertThat(names.get(h)).isEqualTo(ref.get(h));
        }
    }

    @Test
    void keepsTheFirstText() {
        ValueNames names = new ValueNames(10);
        names.remember(42, "first");
        names.remember(42, "second");
        names.remember(0, "zero");
        names.remember(0, "zero again");
        assertThat(names.get(42)).isEqualTo("first");
        assertThat(names.get(0)).isEqualTo("zero");
        assertThat(names.get(7)).isNull();
        assertThatThrownBy(() -> new ValueNames(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
