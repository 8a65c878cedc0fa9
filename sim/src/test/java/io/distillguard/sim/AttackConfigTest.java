package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttackConfigTest {

    @TempDir
    Path dir;

    private Path json(String s) throws IOException {
        Path f = dir.resolve("attack.json");
        Files.writeString(f, s);
        return f;
    }

    @Test
    void defaultsHaveOneValidCampaignPerType() {
        AttackConfig c = AttackConfig.defaults();
        assertThat(c.campaigns()).extracting(x -> x.type).containsExactly(CampaignConfig.Type.values());
        c.campaigns().forEach(CampaignConfig::validate);
    }

    @Test
    void fieldsOverrideTheTypeDefaults() throws IOException {
        AttackConfig c = AttackConfig.read(json("""
                {"campaigns":[{"type":"cot_farm","id":"slow-cot","accounts":200,"pacing":"DIURNAL",
                  "ipClass":"RESIDENTIAL","camouflageShare":0.6,"paraphraseLevel":1.0}]}"""));
        assertThat(c.campaigns()).hasSize(1);
        CampaignConfig x = c.campaigns().get(0);
        assertThat(x.id).isEqualTo("slow-cot");
        assertThat(x.accounts).isEqualTo(200);
        assertThat(x.pacing).isEqualTo(CampaignConfig.Pacing.DIURNAL);
        assertThat(x.ipClass).isEqualTo(CampaignConfig.IpClass.RESIDENTIAL);
        assertThat(x.requestsPerAccountPerDay).isEqualTo(CampaignConfig.defaults(CampaignConfig.Type.COT_FARM).requestsPerAccountPerDay);
    }

    @Test
    void withoutReplacingDefaultsCampaignsMergeByIdOrAreAdded() throws IOException {
        AttackConfig c = AttackConfig.read(json("""
                {"replaceDefaults":false,"campaigns":[{"type":"RESELLER_HYDRA","id":"hydra-1","accounts":1000},
                  {"type":"RESELLER_HYDRA"}]}"""));
        assertThat(c.campaigns()).hasSize(CampaignConfig.Type.values().length + 1);
        assertThat(c.campaigns().get(0).accounts).isEqualTo(1000);
        assertThat(c.campaigns()).extracting(x -> x.id).contains("hydra-2").doesNotHaveDuplicates();
    }

    @Test
    void badConfigsAreRejectedWithTheField() throws IOException {
        assertThatThrownBy(() -> AttackConfig.read(json("{\"campaigns\":[{\"type\":\"COT_FARM\",\"acounts\":3}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acounts");
        assertThatThrownBy(() -> AttackConfig.read(json("{\"campaigns\":[{\"type\":\"COT_FARM\",\"camouflageShare\":1.5}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camouflageShare");
        assertThatThrownBy(() -> AttackConfig.read(json("{\"campaigns\":[{\"type\":\"NOPE\"}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> AttackConfig.read(json("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaigns");
    }

    @Test
    void adjustedAppliesToEveryCampaign() {
        AttackConfig c = AttackConfig.defaults().adjusted(2.0, 0.5, 0.8, 0.0, CampaignConfig.Pacing.POISSON,
                CampaignConfig.IpClass.VPN);
        for (int i = 0; i < c.campaigns().size(); i++) {
            CampaignConfig x = c.campaigns().get(i);
            CampaignConfig d = AttackConfig.defaults().campaigns().get(i);
            assertThat(x.accounts).isEqualTo(d.accounts * 2);
            assertThat(x.requestsPerAccountPerDay).isEqualTo(d.requestsPerAccountPerDay / 2);
            assertThat(x.camouflageShare).isEqualTo(0.8);
            assertThat(x.paraphraseLevel).isZero();
            assertThat(x.pacing).isEqualTo(CampaignConfig.Pacing.POISSON);
            assertThat(x.ipClass).isEqualTo(CampaignConfig.IpClass.VPN);
        }
        // the original is untouched
        assertThat(AttackConfig.defaults().campaigns().get(0).pacing).isEqualTo(CampaignConfig.Pacing.ROUND_ROBIN);
    }

    @Test
    void campaignParametersShowInTheTraffic(@TempDir Path out) throws IOException {
        CampaignConfig cot = CampaignConfig.defaults(CampaignConfig.Type.COT_FARM);
        cot.accounts = 500; // x scale 0.02 = 10 accounts
        cot.camouflageShare = 0.0;
        cot.paraphraseLevel = 0.0;
        cot.startDay = 0;
        SimulationOptions o = SimulationOptions.defaults().withScale(0.02).withDays(3)
                .withAttacks(AttackConfig.of(java.util.List.of(cot)));
        SimulationSummary s = Simulator.run(o, out);
        SimOutput sim = new SimOutput(out);
        assertThat(s.eventsByCampaign()).containsOnlyKeys("cot-1");
        for (com.fasterxml.jackson.databind.JsonNode e : sim.events()) {
            SimOutput.Label l = sim.labels.get(e.get("account_id").asText());
            if (!l.label().equals("attack")) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode req = e.get("request");
            // no camouflage: every request of the farm asks for reasoning
            assertThat(req.has("thinking") || req.has("reasoning_effort") || req.has("reasoning")).isTrue();
        }
        assertThat(s.eventsByCampaign().get("cot-1")).isGreaterThan(100);
        assertThat(sim.labels.values().stream().filter(l -> l.label().equals("attack")).count()).isEqualTo(10);
    }

    @Test
    void cardSharingFollowsTheConfig(@TempDir Path out) throws IOException {
        CampaignConfig own = CampaignConfig.defaults(CampaignConfig.Type.STRUCTURED_SWEEP);
        own.id = "own-cards";
        own.accounts = 1000;
        own.cards = 3;
        own.sharedCardShare = 0.0;
        CampaignConfig shared = CampaignConfig.defaults(CampaignConfig.Type.STRUCTURED_SWEEP);
        shared.id = "shared-cards";
        shared.accounts = 1000;
        shared.cards = 3;
        shared.sharedCardShare = 1.0;
        Simulator.run(SimulationOptions.defaults().withScale(0.02).withDays(2)
                .withAttacks(AttackConfig.of(java.util.List.of(own, shared))), out);
        SimOutput sim = new SimOutput(out);
        java.util.Map<String, java.util.Set<String>> cards = new java.util.HashMap<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode a : sim.accounts) {
            SimOutput.Label l = sim.labels.get(a.get("account_id").asText());
            if (l.label().equals("attack")) {
                cards.computeIfAbsent(l.campaign(), k -> new java.util.HashSet<>()).add(a.path("payment_fingerprint").asText());
                counts.merge(l.campaign(), 1, Integer::sum);
            }
        }
        assertThat(counts).containsEntry("own-cards", 20).containsEntry("shared-cards", 20);
        assertThat(cards.get("own-cards")).hasSize(20);
        assertThat(cards.get("shared-cards").size()).isLessThanOrEqualTo(3);
    }
}
