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
     */
    static void render(Findings f, Path out, List<Path> inputs, NetworkData network, PrintWriter err) {
        List<String> names = inputs.stream().map(p -> String.valueOf(p.getFileName())).toList();
        ReportContext ctx = ReportContext.of("distillguard scan", null, names, network.attributions());
        try {
            ReportRenderer.render(f, ctx, out.resolve("report.html"));
        } catch (IOException | RuntimeException e) {
            err.println("scan: report.html not written: " + e.getMessage());
            err.flush();
        }
    }
}
