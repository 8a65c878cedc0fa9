package io.distillguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code distillguard demo}: the main job in one command. Simulates a labelled traffic set, scans it,
 * runs the baselines on the same traffic, evaluates everything against the labels side by side and
 * leaves the report. Each step is the same code path as the stand-alone command, so what the demo
 * shows is what {@code simulate}, {@code scan}, {@code baseline} and {@code evaluate} do.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Simulate labelled traffic, scan it, run the baselines, print the campaigns found and the "
                + "evaluation side by side, and write report.html. Everything lands under --out.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> BASELINES = List.of("rate-limit", "volume", "prada");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "0.5",
            description = "Simulator scale; 1.0 is ~300k events (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--network-data", paramLabel = "DIR",
            description = "IP reference data folder for the scan (optional; see README 'Network data').")
    Path networkData;

    @Option(names = "--no-baselines", description = "Skip the baseline detectors.")
    boolean noBaselines;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine root = spec.root().commandLine();
        Path traffic = out.resolve("traffic");
        Path scan = out.resolve("scan");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            err.println("demo: cannot create " + out + ": " + e.getMessage());
            return 1;
        }
        step(stdout, "1/4 simulate labelled traffic into " + traffic);
        int rc = root.execute("simulate", "--out", traffic.toString(), "--seed", Long.toString(seed),
                "--scale", Double.toString(scale));
        if (rc != 0) {
            return fail(err, "simulate", rc);
        }
        Path events = traffic.resolve("events.jsonl");
        List<String> inputs = List.of("--events", events.toString(),
                "--accounts", traffic.resolve("accounts.jsonl").toString());

        step(stdout, "2/4 scan " + events + " into " + scan);
        List<String> scanArgs = new ArrayList<>(List.of("scan", "--quiet"));
        scanArgs.addAll(inputs);
        scanArgs.addAll(List.of("--models", traffic.resolve("models.jsonl").toString(), "--out", scan.toString()));
        if (networkData != null) {
            scanArgs.addAll(List.of("--network-data", networkData.toString()));
        }
        rc = root.execute(scanArgs.toArray(String[]::new));
        if (rc != 0) {
            return fail(err, "scan", rc);
        }

        List<String> evalArgs = new ArrayList<>(List.of("evaluate", "--labels", traffic.resolve("labels.csv").toString(),
                "--events", events.toString(), "--json", out.resolve("evaluation.json").toString(),
                "--findings", scan.toString()));
        if (!noBaselines) {
            step(stdout, "3/4 baselines: " + String.join(", ", BASELINES));
            for (String name : BASELINES) {
                Path dir = out.resolve("baselines").resolve(name);
                List<String> args = new ArrayList<>(List.of("baseline", name));
                args.addAll(inputs);
                args.addAll(List.of("--out", dir.toString()));
                rc = execQuietly(root, args);
                if (rc != 0) {
                    return fail(err, "baseline " + name, rc);
                }
                evalArgs.addAll(List.of("--findings", dir.toString()));
            }
        } else {
            step(stdout, "3/4 baselines skipped");
        }

        step(stdout, "4/4 evaluate against the simulator's labels");
        rc = root.execute(evalArgs.toArray(String[]::new));
        if (rc != 0) {
            return fail(err, "evaluate", rc);
        }
        stdout.println();
        stdout.println("Report:      " + scan.resolve("report.html"));
        stdout.println("Findings:    " + scan + " (accounts.csv, clusters.json, evidence.jsonl, actions.csv)");
        stdout.println("Evaluation:  " + out.resolve("evaluation.json"));
        stdout.flush();
        return 0;
    }

    /** Runs a command with its stdout discarded (baselines print a summary the evaluation repeats). */
    private static int execQuietly(CommandLine root, List<String> args) {
        PrintWriter saved = root.getOut();
        try {
            root.setOut(new PrintWriter(java.io.Writer.nullWriter()));
            return root.execute(args.toArray(String[]::new));
        } finally {
            root.setOut(saved);
        }
    }

    private static void step(PrintWriter out, String what) {
        out.println();
        out.println("== " + what);
        out.flush();
    }

    private static int fail(PrintWriter err, String step, int rc) {
        err.println("demo: step '" + step + "' failed (exit " + rc + "); see the messages above.");
        err.flush();
        return rc;
    }
}
