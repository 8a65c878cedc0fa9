package io.distillguard.cli;

import io.distillguard.cli.report.ReportContext;
import io.distillguard.cli.report.ReportRenderer;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code distillguard report}: renders report.html from an existing scan output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders a self-contained report.html from a scan output folder (accounts.csv, "
                + "clusters.json, evidence.jsonl).",
            "The page loads nothing from the network; open it in any browser."})
final class ReportCommand implements Callable<Integer> {

    /**
     * Summary key a detector sets when it enriched IPs with network data; its value is the folder or
     * {@code true}. When present (and not {@code false}/{@code none}/empty) the report carries the
     * CC BY 4.0 IP-data attribution.
     */
    static final String NETWORK_DATA_KEY = "network_data";

    @Spec
    CommandSpec spec;

    @Option(names = "--findings", required = true, paramLabel = "DIR", description = "Scan output folder.")
    Path findings;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the page (default: report.html inside the findings folder).")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Page title (default: derived from the folder).")
    String title;

    @Option(names = "--generated-at", paramLabel = "TEXT",
            description = "Generation time to print (the renderer never reads the clock; default: omitted).")
    String generatedAt;

    @Option(names = "--input", paramLabel = "NAME", description = "Input file name to list; repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--attribution", paramLabel = "TEXT",
            description = "Extra attribution line to print under 'Data sources'; repeatable.")
    List<String> attributions = new ArrayList<>();

    @Option(names = "--max-accounts", paramLabel = "N", defaultValue = "" + ReportContext.DEFAULT_MAX_ACCOUNT_ROWS,
            description = "Most flagged accounts listed in the table (default: ${DEFAULT-VALUE}).")
    int maxAccounts;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Findings f = FindingsReader.read(findings);
            List<String> lines = new ArrayList<>();
            if (usedNetworkData(f)) {
                lines.add(NetworkData.ASN_ATTRIBUTION);
                lines.add(NetworkData.DBIP_LINK);
                lines.add(NetworkData.COUNTRY_ATTRIBUTION);
            }
            lines.addAll(attributions);
            Path name = findings.toAbsolutePath().normalize().getFileName();
            String t = title != null ? title : "distillguard report" + (name == null ? "" : " — " + name);
            ReportContext ctx = new ReportContext(t, generatedAt, inputs, lines, maxAccounts,
                    ReportContext.DEFAULT_NEAR_MISS_ROWS, ReportContext.DEFAULT_MAX_CAMPAIGN_DETAILS);
            Path target = out != null ? out : findings.resolve("report.html");
            ReportRenderer.render(f, ctx, target);
            stdout.println("wrote " + target);
            stdout.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("report: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static boolean usedNetworkData(Findings f) {
        Object v = f.summary().get(NETWORK_DATA_KEY);
        if (v == null) {
            return false;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return !(s.isEmpty() || s.equals("false") || s.equals("none") || s.equals("0"));
    }
}
