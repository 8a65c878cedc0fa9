package io.distillguard.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsColumnsInAnyOrderWithQuotingAndBom() throws Exception {
        GroundTruth t = GroundTruth.read(file("\uFEFFpersona,label,account_id,campaign,extra\n"
                + "\"bench, nightly\",benign,b1,,x\nhydra,ATTACK,a1,c9,y\n\nhydra,attack,a2,,z\n"));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.attackCount()).isEqualTo(2);
        assertThat(t.label("b1").persona()).isEqualTo("bench, nightly");
        assertThat(t.label("b1").campaign()).isNull();
        assertThat(t.label("a1").campaign()).isEqualTo("c9");
        assertThat(t.label("a2").campaign()).isEqualTo(GroundTruth.UNNAMED_CAMPAIGN);
        assertThat(t.campaigns()).containsExactly(GroundTruth.UNNAMED_CAMPAIGN, "c9");
        assertThat(t.personas()).containsExactly("bench, nightly", "hydra");
    }

    @Test
    void malformedLabelsFailWithFileAndLine() throws Exception {
        assertThatThrownBy(() -> GroundTruth.read(file("account_id,label,campaign\n")))
                .hasMessageContaining("lacks column persona");
        assertThatThrownBy(() -> GroundTruth.read(file("account_id,label,campaign,persona\na,attack,c,p\na,benign,,p\n")))
                .hasMessageContaining(":3:").hasMessageContaining("labelled twice");
        assertThatThrownBy(() -> GroundTruth.read(file("account_id,label,campaign,persona\n,benign,,p\n")))
                .hasMessageContaining(":2:").hasMessageContaining("empty account_id");
        assertThatThrownBy(() -> GroundTruth.read(file(""))).hasMessageContaining("empty labels file");
    }
}
