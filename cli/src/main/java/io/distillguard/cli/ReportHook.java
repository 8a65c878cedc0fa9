package io.distillguard.cli;

import io.distillguard.cli.report.ReportContext;
import io.distillguard.cli.report.ReportRenderer;
import io.distillguard.findings.Findings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes report.html next to the findings of a scan. */
final class ReportHook {

    private ReportHook() {
    }

    /**
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
    }
}
