package io.distillguard.cli;

import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsReader;
import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.sim.eval.Evaluation;
import io.distillguard.sim.eval.EvaluationReport;
import io.distillguard.sim.eval.Evaluator;
import io.distillguard.sim.eval.GroundTruth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code distillguard evaluate}: scores scan outputs against ground-truth labels. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Scores one or more scan outputs (accounts.csv, clusters.json) against ground-truth labels "
                + "and prints the metrics side by side, one column per detector. See README 'Evaluating detectors' "
                + "for the metric definitions.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Labels CSV: account_id,label,campaign,persona.")
    Path labels;

    @Option(names = "--findings", required = true, paramLabel = "DIR",
            description = "A scan output folder; repeat to compare detectors side by side.")
    List<Path> findings;

    @Option(names = "--events", paramLabel = "FILE",
            description = "The events file the detectors scanned; gives each campaign's first event, so the time "
                    + "and campaign exchanges to detection can be measured independently of any detector.")
    Path events;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the metrics as JSON to this file.")
    Path json;

    @Option(names = "--fpr-budget", paramLabel = "SHARE", defaultValue = "0.001",
            description = "Benign FPR budget of the recall-at-FPR metric, in [0,1] (default: ${DEFAULT-VALUE}).")
    double fprBudget;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(fprBudget >= 0 && fprBudget <= 1)) {
            throw new ParameterException(spec.commandLine(), "--fpr-budget must be in [0,1]: " + fprBudget);
        }
        try {
            GroundTruth truth = GroundTruth.read(labels);
            Evaluator evaluator = new Evaluator(truth, fprBudget);
            for (Path dir : findings) {
                Findings f = FindingsReader.read(dir);
                evaluator.add(dir.toString(), f);
            }
            if (events != null) {
                ReadStats s = ExchangeLogReader.builder().build().readEvents(events,
                        e -> evaluator.observeEvent(e.accountId(), e.tsMillis()), RejectSink.NONE);
                if (s.rejected() > 0) {
                    err.println("evaluate: " + s.rejected() + " rejected lines in " + events + " ignored");
                    err.flush();
                }
            }
            List<Evaluation> results = evaluator.results();
            out.print(EvaluationReport.table(truth, results));
            out.flush();
            if (json != null) {
                EvaluationReport.writeJson(truth, results, json);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
