package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.link.LinkAttribute;
import io.distillguard.score.Rule;
import io.distillguard.score.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanConfigTest {

    @Test
    void shippedDefaultsMatchTheBuiltInRulesAndPriors() {
        ScanConfig c = ScanConfig.defaults();
        for (Signal s : Signal.values()) {
            assertThat(c.score().rule(s)).as(s.label()).isEqualTo(Rule.defaultOf(s));
        }
        for (LinkAttribute a : LinkAttribute.values()) {
            assertThat(c.link().prior(a)).as(a.label()).isEqualTo(a.defaultPrior());
        }
        assertThat(c.mode()).isEqualTo("observe");
        assertThat(c.restrictedRegions()).isEmpty();
    }

    @Test
    void docsCopyIsIdenticalToTheResource() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path docs = (Files.exists(root.resolve("mvnw")) ? root : root.getParent()).resolve("docs/config-reference.properties");
        byte[] resource = ScanConfig.class.getResourceAsStream(ScanConfig.DEFAULTS_RESOURCE).readAllBytes();
        assertThat(Files.readAllBytes(docs)).isEqualTo(resource);
    }

    @Test
    void userFileOverridesAndRejectsUnknownKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "mode = enforce\nsignal.hour_entropy.weight = 0\nregions.restricted = xx, YY\n");
        ScanConfig c = ScanConfig.load(f);
        assertThat(c.mode()).isEqualTo("enforce");
        assertThat(c.score().rule(Signal.HOUR_ENTROPY).weight()).isZero();
        assertThat(c.restrictedRegions()).containsExactlyInAnyOrder("XX", "YY");
        Files.writeString(f, "signal.hour_entropi.weight = 0\n");
        assertThatThrownBy(() -> ScanConfig.load(f)).hasMessageContaining("hour_entropi");
        Files.writeString(f, "score.bias = abc\n");
        assertThatThrownBy(() -> ScanConfig.load(f)).hasMessageContaining("score.bias");
    }
}
