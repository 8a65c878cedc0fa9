package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.sim.PromptPools.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptPoolsTest {

    @Test
    void shippedSampleFillsEveryPool() {
        PromptPools p = PromptPools.defaults();
        for (Pool pool : Pool.values()) {
            assertThat(p.pool(pool)).as(pool.name()).isNotEmpty();
            assertThat(p.pool(pool)).allMatch(r -> !r.text().isEmpty());
        }
        assertThat(p.pool(Pool.MATH)).anyMatch(r -> r.answer() != null);
        assertThat(p.pool(Pool.MMLU)).anyMatch(r -> r.topic() != null);
        assertThat(p.pool(Pool.TOOL)).anyMatch(r -> r.toolsJson() != null);
        assertThat(p.pool(Pool.RUBRIC)).anyMatch(r -> r.text().contains("{"));
    }

    @Test
    void filesAreAssignedToPoolsByFolderAndName() {
        assertThat(PromptPools.poolOf("human/sharegpt_sg90k_first_turns.jsonl")).isEqualTo(Pool.CHAT);
        assertThat(PromptPools.poolOf("benchmark/gsm8k_train.jsonl")).isEqualTo(Pool.MATH);
        assertThat(PromptPools.poolOf("benchmark/mmlu_test.jsonl.gz")).isEqualTo(Pool.MMLU);
        assertThat(PromptPools.poolOf("benchmark/humaneval.jsonl")).isEqualTo(Pool.HUMANEVAL);
        assertThat(PromptPools.poolOf("benchmark/ifeval.jsonl")).isEqualTo(Pool.INSTRUCT);
        assertThat(PromptPools.poolOf("distill/gpteacher_codegen.jsonl")).isEqualTo(Pool.CODE);
        assertThat(PromptPools.poolOf("distill/limo_glaive_toolcall_en_demo.jsonl")).isEqualTo(Pool.TOOL);
        assertThat(PromptPools.poolOf("rubric/ultrafeedback_templates.jsonl")).isEqualTo(Pool.RUBRIC);
    }

    @Test
    void aFolderReplacesThePoolsItHasAndFallsBackForTheRest(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("human"));
        Files.writeString(dir.resolve("human/mine.jsonl"),
                "{\"id\":\"m-0\",\"text\":\"How do I bake bread?\",\"source\":\"mine\"}\n\n"
                        + "{\"id\":\"m-1\",\"text\":\"\",\"source\":\"mine\"}\n");
        PromptPools p = PromptPools.load(dir);
        assertThat(p.pool(Pool.CHAT)).extracting(PromptRecord::text).containsExactly("How do I bake bread?");
        assertThat(p.pool(Pool.MATH)).hasSameSizeAs(PromptPools.defaults().pool(Pool.MATH));
    }

    @Test
    void badFilesFailWithTheirName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("human"));
        Files.writeString(dir.resolve("human/bad.jsonl"), "{not json\n");
        assertThatThrownBy(() -> PromptPools.load(dir)).isInstanceOf(IOException.class).hasMessageContaining("bad.jsonl:1");
        assertThatThrownBy(() -> PromptPools.load(dir.resolve("missing"))).isInstanceOf(IOException.class);
    }

    @Test
    void readsTheFullSharedPoolsWhenPresent() throws IOException {
        Path shared = SharedData.prompts();
        Assumptions.assumeTrue(shared != null, "../shared/data/prompts not present: skipping the full-pool check");
        PromptPools p = PromptPools.load(shared);
        assertThat(p.pool(Pool.MATH).size()).isGreaterThan(PromptPools.defaults().pool(Pool.MATH).size());
        assertThat(p.pool(Pool.CHAT).size()).isGreaterThan(PromptPools.defaults().pool(Pool.CHAT).size());
    }
}
