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
        // the larger pools drive a simulation: prompts from sources that are not shipped show up
        Path out = Files.createTempDirectory("dg-sim-shared");
        try {
            Simulator.run(SimulationOptions.defaults().withScale(0.02).withDays(2).withPromptsDir(shared), out);
            java.util.Set<String> shipped = new java.util.HashSet<>();
            for (Pool pool : Pool.values()) {
                PromptPools.defaults().pool(pool).forEach(r -> shipped.add(r.text()));
            }
            java.util.Set<String> fromShared = new java.util.HashSet<>();
            for (Pool pool : new Pool[] {Pool.CHAT, Pool.MATH}) {
                for (PromptRecord r : p.pool(pool)) {
                    if (!shipped.contains(r.text()) && r.text().length() > 40) {
                        fromShared.add(r.text());
                    }
                }
            }
            long hits = 0;
            for (String line : Files.readAllLines(out.resolve("events.jsonl"))) {
                com.fasterxml.jackson.databind.JsonNode req = SimOutput.JSON.readTree(line).get("request");
                if (req.path("input").isTextual() && fromShared.contains(req.get("input").asText())) {
                    hits++;
                }
                for (com.fasterxml.jackson.databind.JsonNode m : req.path("messages")) {
                    if (m.path("content").isTextual() && fromShared.contains(m.get("content").asText())) {
                        hits++;
                    }
                }
            }
            assertThat(hits).isPositive();
        } finally {
            try (java.util.stream.Stream<Path> w = Files.walk(out)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
