package io.distillguard.cli;

import io.distillguard.cli.report.ReportContext;
import io.distillguard.cli.report.ReportRenderer;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Writes report.html next to the findings of a scan. */
final class ReportHook {

    private ReportHook() {
    }

    /**
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
    }
}
