package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseTest {

    @Test
    void malformedLinesOnlyWhenAskedAndCountedExactly(@TempDir Path dir) throws IOException {
        SimulationSummary s = Simulator.run(SimulationOptions.defaults().withScale(0.03).withDays(3).withNoiseRate(0.01), dir);
        SimOutput out = new SimOutput(dir);
        int bad = 0;
        for (String line : out.eventLines) {
            if (!valid(line)) {
                bad++;
            }
        }
        assertThat(s.malformed()).isPositive();
        assertThat(bad).isEqualTo((int) s.malformed());
        assertThat(out.eventLines).hasSize((int) (s.events() + s.malformed()));
    }

    private static boolean valid(String line) {
        try {
            JsonNode n = SimOutput.JSON.readTree(line);
            return n.isObject() && n.path("id").isTextual() && n.path("account_id").isTextual()
                    && (n.path("ts").isTextual() || n.path("ts").isIntegralNumber()) && n.path("request").isObject();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void noiseRateIsValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulationOptions.defaults().withNoiseRate(0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
    }
}
