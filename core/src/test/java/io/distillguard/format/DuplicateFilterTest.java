package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    @Test
    void remembersExactlyTheWindow() {
        DuplicateFilter f = new DuplicateFilter(3);
        assertThat(f.seenBefore("a")).isFalse();
        assertThat(f.seenBefore("b")).isFalse();
        assertThat(f.seenBefore("a")).isTrue();
        assertThat(f.seenBefore("c")).isFalse();
        assertThat(f.seenBefore("d")).isFalse(); // evicts a
        assertThat(f.seenBefore("a")).isFalse();
        assertThat(f.seenBefore("d")).isTrue();
        assertThat(f.size()).isEqualTo(3);
    }

    @Test
    void growsAndStaysBounded() {
        DuplicateFilter f = new DuplicateFilter(5000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(f.seenBefore("id-" + i)).isFalse();
        }
        assertThat(f.size()).isEqualTo(5000);
        assertThat(f.seenBefore("id-19999")).isTrue();
        assertThat(f.seenBefore("id-15000")).isTrue();
        assertThat(f.seenBefore("id-14999")).isFalse();
    }

    /** Against a reference model: a FIFO of the last {@code window} distinct accepted ids. */
    @Property(tries = 300)
    void matchesSlidingWindowModel(@ForAll @Size(max = 400) List<@IntRange(max = 40) Integer> ids,
            @ForAll @IntRange(min = 1, max = 30) int window) {
        DuplicateFilter f = new DuplicateFilter(window);
        WindowModel model = new WindowModel(window);
        for (int id : ids) {
            assertThat(f.seenBefore("x" + id)).isEqualTo(model.seenBefore(id));
        }
        assertThat(f.size()).isEqualTo(model.size());
    }

    /**
     * The same model across the growth of the ring and table (windows above the initial 1024 slots), fed
     * hashes computed beforehand as the parallel reader does.
     */
    @Property(tries = 30)
    void matchesSlidingWindowModelWhileGrowing(@ForAll long seed, @ForAll @IntRange(min = 1000, max = 3000) int window,
            @ForAll @IntRange(min = 1, max = 8) int spreadFactor) {
        java.util.Random r = new java.util.Random(seed);
        DuplicateFilter f = new DuplicateFilter(window);
        WindowModel model = new WindowModel(window);
        for (int n = 0; n < 4 * window; n++) {
            int id = r.nextInt(window * spreadFactor / 2 + 1);
            assertThat(f.seenBefore(DuplicateFilter.hash("x" + id))).isEqualTo(model.seenBefore(id));
            assertThat(f.size()).isEqualTo(model.size());
        }
    }

    /** The reference: a FIFO of the last {@code window} distinct accepted ids. */
    private static final class WindowModel {
        private final int window;
        private final ArrayDeque<Integer> fifo = new ArrayDeque<>();
        private final Set<Integer> members = new HashSet<>();

        WindowModel(int window) {
            this.window = window;
        }

        boolean seenBefore(int id) {
            if (members.contains(id)) {
                return true;
            }
            if (fifo.size() == window) {
                members.remove(fifo.removeFirst());
            }
            fifo.addLast(id);
            members.add(id);
            return false;
        }

        int size() {
            return members.size();
        }
    }
}
