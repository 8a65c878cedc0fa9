package io.distillguard.cli;

import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.format.RejectedLinesWriter;
import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code distillguard validate FILE...}: reads exchange-log files completely and reports line
 * counts, rejects by reason, duplicates, and events by API shape and model. Exit code 0 whenever
 * the files could be read (rejected lines are findings, not failures); 1 when a file could not be
 * read or the reject report could not be written.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read exchange-log files (events, accounts, models; .jsonl or .jsonl.gz) and report "
                + "what is accepted, blank, duplicated or rejected and why.",
            "The kind of each file comes from its name (events*, accounts*, models*) unless --kind is given; "
                + "other names are read as events."})
final class ValidateCommand implements Callable<Integer> {

    /** Distinct models listed individually; further ones are summed under "(other)" so the table stays bounded. */
    static final int MAX_MODELS_LISTED = 1000;

    enum Kind { events, accounts, models }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files to read.")
    List<Path> files;

    @Option(names = "--kind", paramLabel = "KIND", description = "Treat every FILE as this kind: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--rejected", paramLabel = "FILE", description = "Write every rejected line (line number, byte "
            + "offset, reason, detail, short excerpt) as JSON lines to FILE.")
    Path rejectedFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no timing on stderr.")
    boolean quiet;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "4194304",
            description = "Longest line accepted, in bytes (default ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "64",
            description = "Deepest JSON nesting accepted (default ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--duplicate-window", paramLabel = "N", defaultValue = "1048576",
            description = "How many recent event ids are remembered to spot duplicates (default ${DEFAULT-VALUE}).")
    int duplicateWindow;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        long totalBytes = 0;
        for (Path f : files) {
            try {
                totalBytes += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        Progress progress = Progress.onTerminal(quiet, totalBytes, "lines");
        long[] doneBefore = {0};
        long[] linesBefore = {0};
        ExchangeLogReader reader;
        try {
            reader = ExchangeLogReader.builder()
                    .maxLineBytes(maxLineBytes)
                    .maxDepth(maxDepth)
                    .duplicateWindow(duplicateWindow)
                    .progress((src, bytes, lines) -> progress.update(doneBefore[0] + bytes, linesBefore[0] + lines))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int exit = 0;
        long startNanos = System.nanoTime();
        ReadStats total = ReadStats.EMPTY;
        RejectedLinesWriter writer = null;
        try {
            if (rejectedFile != null) {
                writer = new RejectedLinesWriter(rejectedFile);
            }
            RejectSink rejects = writer != null ? writer : RejectSink.NONE;
            for (Path f : files) {
                Kind k = kind != null ? kind : kindOf(f);
                EventTally tally = new EventTally();
                ReadStats s;
                try {
                    switch (k) {
                        case accounts:
                            s = reader.readAccounts(f, a -> { }, rejects);
                            break;
                        case models:
                            s = reader.readModels(f, m -> { }, rejects);
                            break;
                        default:
                            s = reader.readEvents(f, tally, rejects);
                    }
                } catch (IOException e) {
                    progress.finish();
                    err.println("distillguard validate: cannot read " + f + ": " + e.getMessage());
                    exit = 1;
                    continue;
                }
                try {
                    doneBefore[0] += Files.size(f);
                } catch (IOException e) {
                    // size unknown: the progress total is approximate anyway
                }
                linesBefore[0] += s.totalLines();
                total = total.plus(s);
                progress.finish();
                printFile(out, f, k, s, k == Kind.events ? tally : null);
            }
        } catch (IOException e) {
            progress.finish();
            err.println("distillguard validate: cannot write " + rejectedFile + ": " + e.getMessage());
            exit = 1;
        } finally {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    err.println("distillguard validate: cannot write " + rejectedFile + ": " + e.getMessage());
                    exit = 1;
                }
            }
        }
        progress.finish();
        if (files.size() > 1) {
            out.printf(Locale.ROOT, "total: %d files, %d lines, %d accepted, %d rejected, %d blank, %d duplicates%n",
                    files.size(), total.totalLines(), total.accepted(), total.rejected(), total.blank(),
                    total.duplicates());
        }
        if (writer != null) {
            out.printf(Locale.ROOT, "rejected lines: %d written to %s%n", writer.written(), rejectedFile);
        }
        if (!quiet) {
            double secs = (System.nanoTime() - startNanos) / 1e9;
            err.printf(Locale.ROOT, "read %,d lines in %.2f s (%,.0f lines/s)%n", total.totalLines(), secs,
                    total.totalLines() / Math.max(secs, 1e-9));
        }
        return exit;
    }

    static Kind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith("accounts")) {
            return Kind.accounts;
        }
        if (name.startsWith("models")) {
            return Kind.models;
        }
        return Kind.events;
    }

    private static void printFile(PrintStream out, Path f, Kind k, ReadStats s, EventTally t) {
        out.printf(Locale.ROOT, "%s (%s)%n", f, k);
        row(out, "  ", "lines", s.totalLines());
        row(out, "  ", "accepted", s.accepted());
        row(out, "  ", "blank", s.blank());
        row(out, "  ", "duplicates", s.duplicates());
        row(out, "  ", "rejected", s.rejected());
        s.rejectsByReason().forEach((reason, n) -> row(out, "    ", reason, n));
        if (t != null && s.accepted() > 0) {
            out.println("  by api");
            t.byApi.forEach((api, n) -> row(out, "    ", api.wireName(), n));
            out.println("  by model");
            t.byModel.forEach((model, n) -> row(out, "    ", model, n));
            if (t.otherModels > 0) {
                row(out, "    ", "(other)", t.otherModels);
            }
        }
    }

    private static void row(PrintStream out, String indent, String label, long n) {
        out.printf(Locale.ROOT, "%s%-24s %,12d%n", indent, label, n);
    }

    /** Counts accepted events by API shape and model; the model table is capped at {@link #MAX_MODELS_LISTED}. */
    static final class EventTally implements Consumer<Exchange> {
        final Map<Api, Long> byApi = new EnumMap<>(Api.class);
        final Map<String, Long> byModel = new TreeMap<>();
        long otherModels;

        @Override
        public void accept(Exchange e) {
            byApi.merge(e.api(), 1L, Long::sum);
            String m = e.model() == null ? "(none)" : e.model();
            Long n = byModel.get(m);
            if (n != null) {
                byModel.put(m, n + 1);
            } else if (byModel.size() < MAX_MODELS_LISTED) {
                byModel.put(m, 1L);
            } else {
                otherModels++;
            }
        }
    }
}
