package io.distillguard.cli;

import io.distillguard.sim.AttackConfig;
import io.distillguard.sim.CampaignConfig;
import io.distillguard.sim.SimulationOptions;
import io.distillguard.sim.SimulationSummary;
import io.distillguard.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard simulate}: writes labelled synthetic traffic in the exchange-log v1 format. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Writes labelled synthetic LLM API traffic (exchange-log v1): events.jsonl(.gz), "
            + "accounts.jsonl, models.jsonl and labels.csv. Same options and seed give the same bytes.")
public final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Multiplies account counts and volume, (0, 100] (default ${DEFAULT-VALUE}: ~360k events, ~3,000 accounts).")
    double scale;

    @Option(names = "--days", defaultValue = "14", description = "Window length in days, 1..365 (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "Prompt pools in the shared layout (category subfolders of .jsonl[.gz]); default: the shipped sample.")
    Path prompts;

    @Option(names = "--gzip", description = "Write events.jsonl.gz instead of events.jsonl.")
    boolean gzip;

    @Option(names = "--noise", defaultValue = "0", paramLabel = "RATE",
            description = "Share of events followed by a deliberately malformed line, [0, 0.5] (default 0: clean output).")
    double noise;

    @Option(names = "--attack-config", paramLabel = "FILE",
            description = "JSON file of attack campaigns (see README); default: one campaign of each type.")
    Path attackConfig;

    @Option(names = "--no-attacks", description = "Benign traffic only.")
    boolean noAttacks;

    @Option(names = "--attack-accounts", paramLabel = "FACTOR",
            description = "Multiplies every campaign's account count.")
    Double attackAccounts;

    @Option(names = "--attack-rate", paramLabel = "FACTOR",
            description = "Multiplies every campaign's requests per account per day.")
    Double attackRate;

    @Option(names = "--camouflage", paramLabel = "SHARE",
            description = "Sets every campaign's camouflage share, [0, 1).")
    Double camouflage;

    @Option(names = "--paraphrase", paramLabel = "LEVEL",
            description = "Sets every campaign's template paraphrase level, [0, 1].")
    Double paraphrase;

    @Option(names = "--pacing", paramLabel = "PACING",
            description = "Sets every campaign's pacing: ${COMPLETION-CANDIDATES}.")
    CampaignConfig.Pacing pacing;

    @Option(names = "--attack-ip-class", paramLabel = "CLASS",
            description = "Sets every campaign's network: ${COMPLETION-CANDIDATES}.")
    CampaignConfig.IpClass ipClass;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        AttackConfig attacks;
        try {
            attacks = noAttacks ? AttackConfig.of(java.util.List.of())
                    : attackConfig != null ? AttackConfig.read(attackConfig) : AttackConfig.defaults();
            attacks = attacks.adjusted(attackAccounts, attackRate, camouflage, paraphrase, pacing, ipClass);
            SimulationOptions o = new SimulationOptions(seed, scale, days, SimulationOptions.DEFAULT_START, prompts,
                    gzip, noise, attacks);
            SimulationSummary s = Simulator.run(o, out);
            outw.printf("wrote %s: %d events (%d duplicate deliveries, %d malformed lines), %d accounts%n",
                    s.eventsFile(), s.events(), s.duplicates(), s.malformed(), s.accounts());
            for (Map.Entry<String, Long> e : s.accountsByPersona().entrySet()) {
                outw.printf("  %-24s %6d accounts %9d events%n", e.getKey(), e.getValue(),
                        s.eventsByPersona().getOrDefault(e.getKey(), 0L));
            }
            for (Map.Entry<String, Long> e : s.eventsByCampaign().entrySet()) {
                outw.printf("  campaign %-15s %9d events%n", e.getKey(), e.getValue());
            }
            outw.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        }
    }
}
