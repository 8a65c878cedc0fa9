package io.distillguard.cli;

import io.distillguard.cli.report.ReportContext;
import io.distillguard.cli.report.ReportRenderer;
<<<<<<< HEAD
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
=======
import io.distillguard.findings.Findings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
>>>>>>> engine
import java.util.List;

/** Writes report.html next to the findings of a scan. */
final class ReportHook {

    private ReportHook() {
    }

    /**
<<<<<<< HEAD
     * Renders {@code out/report.html}. A failure is reported on {@code err} and does not fail the scan:
     * the findings files are already written and are the contract; the page is a view of them.
     *
     * @param inputs input files, listed by name in the header
     * @param network the reference data the scan used; its attribution lines are printed (required by
     *     the CC BY 4.0 IP data)
     */
    static void render(Findings f, Path out, List<Path> inputs, NetworkData network, PrintWriter err) {
        List<String> names = inputs.stream().map(p -> String.valueOf(p.getFileName())).toList();
        String title = names.isEmpty() ? "distillguard scan" : "distillguard scan of " + names.get(0);
        ReportContext ctx = ReportContext.of(title, null, names, network.attributions());
        try {
            ReportRenderer.render(f, ctx, out.resolve("report.html"));
        } catch (IOException | RuntimeException e) {
            err.println("scan: report.html not written: " + e.getMessage());
            err.flush();
        }
=======
     * Renders {@code out/report.html}.
     *
     * @param inputs input file names shown on the page
     * @param attributions data attribution lines (network data) shown on the page
     */
    static void render(Findings f, Path out, List<Path> inputs, List<String> attributions) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : inputs) {
            Path n = p.getFileName();
            names.add(n == null ? p.toString() : n.toString());
        }
        String title = "distillguard scan" + (names.isEmpty() ? "" : " of " + String.join(", ", names));
        ReportRenderer.render(f, ReportContext.of(title, null, names, attributions), out.resolve("report.html"));
>>>>>>> engine
    }
}
