package io.distillguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.link.AccountGraph;
import io.distillguard.link.GraphsForTests;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityDetectorTest {

    @Test
    void twoDenseGroupsTouchingThroughOneEdgeStayApart() {
        // clique 0-5 (weight 0.9), clique 6-11 (0.9), bridge 5-6 (0.9), isolated 12, pair 13-14 (0.8)
        AccountGraph g = GraphsForTests.build(15, (b) -> {
            for (int i = 0; i < 6; i++) {
                for (int j = i + 1; j < 6; j++) {
                    b.edge(i, j, 0.9);
                    b.edge(i + 6, j + 6, 0.9);
                }
            }
            b.edge(5, 6, 0.9);
            b.edge(13, 14, 0.8);
        });
        List<int[]> c = new CommunityDetector(0.3, 30, 1, 3).detect(g);
        assertThat(c).hasSize(2);
        assertThat(c.get(0)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(c.get(1)).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void weakEdgesAreIgnoredAndResultIsDeterministic() {
        AccountGraph g = GraphsForTests.build(8, (b) -> {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    b.edge(i, j, 0.5);
                }
            }
            b.edge(3, 4, 0.1);
            b.edge(4, 5, 0.1);
            b.edge(5, 6, 0.1);
        });
        CommunityDetector d = new CommunityDetector(0.3, 30, 42, 3);
        List<int[]> first = d.detect(g);
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).containsExactly(0, 1, 2, 3);
        for (long seed = 0; seed < 5; seed++) {
            assertThat(new CommunityDetector(0.3, 30, seed, 3).detect(g).get(0)).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new CommunityDetector(1.5, 1, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityDetector(0.3, 0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityDetector(0.3, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
