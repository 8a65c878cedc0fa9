package io.distillguard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.cli.Main;
import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsReader;
import io.distillguard.findings.FindingsWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {

    @TempDir
    Path dir;

    private String roundTripAndRender(Findings f, ReportContext ctx) throws Exception {
        Path scan = dir.resolve("scan");
        FindingsWriter.write(f, scan);
        Findings back = FindingsReader.read(scan);
        Path out = dir.resolve("report.html");
        ReportRenderer.render(back, ctx, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void showsCampaignEvidenceChartsLinksAndAccounts() throws Exception {
        String html = roundTripAndRender(SampleFindings.build(20),
                ReportContext.of("Scan of feb.jsonl", "2026-02-12T00:00:00Z", List.of("feb.jsonl.gz"), List.of()));
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<title>Scan of feb.jsonl</title>", "Generated: 2026-02-12T00:00:00Z",
                "feb.jsonl.gz");
        // summary
        assertThat(html).contains("<div class=\"v\">86</div><div class=\"k\">accounts scanned</div>");
        assertThat(html).contains("<div class=\"v\">41</div><div class=\"k\">accounts flagged (48%)</div>");
        assertThat(html).contains("Mode: observe-only.</b> No action was taken.", "<b>suspend</b> 1 campaign (40 accounts)",
                "1 flagged account outside a flagged campaign needs individual review");
        assertThat(html).contains("events rejected", ">17<", "1,204,311");
        // campaign detail with evidence, links and both charts
        assertThat(html).contains("id=\"c-1\"", "#1 · campaign c1");
        assertThat(html).containsPattern("<td>cot_elicitation_share</td><td class=\"n\">91%</td>"
                + "<td class=\"n\">3%</td><td class=\"n\">\\+0\\.32</td><td>91% of prompts ask");
        assertThat(html).contains("<td>payment_fingerprint</td><td class=\"id\">pf_9c1e</td><td class=\"n\">12 of 40</td>");
        assertThat(countOf(html, "<svg class=\"chart\"")).isEqualTo(2);
        assertThat(html).contains("aria-label=\"Exchanges per 1 h", "aria-label=\"Share of exchanges per capability\"");
        assertThat(html).contains(">reasoning</text>", ">46%</text>");
        // exculpatory evidence is marked
        assertThat(html).contains("<tr class=\"neg\"><td>enterprise_nat_pattern</td>", "−0.05");
        // unflagged cluster is ranked but not detailed
        assertThat(html).contains("<td class=\"id\">c2</td>").doesNotContain("id=\"c-2\"");
        // accounts table: flagged first, sorted by score, cluster linked
        int solo = html.indexOf("<td class=\"id\">solo_reseller</td>");
        int firstUser = html.indexOf("<td class=\"id\">user_");
        assertThat(solo).isPositive().isLessThan(firstUser);
        assertThat(html).contains("<td class=\"id\"><a href=\"#c-1\">c1</a></td>");
        assertThat(html).contains("No third-party reference data was used");
    }

    @Test
    void escapesAttackerControlledText() throws Exception {
        String html = roundTripAndRender(SampleFindings.build(0),
                ReportContext.of("<b>t</b>", null, List.of("<i>in</i>"), List.of("see <x> https://e.example/a?b=1&c=2.")));
        assertThat(html).doesNotContain(SampleFindings.EVIL_ID).doesNotContain("<img src=x")
                .doesNotContain("<b>a9999</b>").doesNotContain("<b>t</b>").doesNotContain("<i>in</i>")
                .doesNotContain("<x>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more");
        assertThat(html).contains("&lt;b&gt;a9999&lt;/b&gt;");
        assertThat(html).contains("see &lt;x&gt; <a href=\"https://e.example/a?b=1&amp;c=2\" rel=\"noreferrer\">");
        // the only script element is the page's own, pinned by the CSP hash
        assertThat(countOf(html, "<script")).isEqualTo(1);
        assertThat(html).contains("script-src &#39;sha256-");
    }

    @Test
    void outputIsDeterministic() throws Exception {
        Findings f = SampleFindings.build(50);
        ReportContext ctx = ReportContext.of("t", "fixed", List.of(), NetworkData.empty().attributions());
        assertThat(ReportRenderer.renderToString(f, ctx)).isEqualTo(ReportRenderer.renderToString(f, ctx));
        Findings shuffled = new Findings(f.detector(), reversed(f.accounts()), reversed(f.clusters()), f.summary());
        assertThat(ReportRenderer.renderToString(shuffled, ctx)).isEqualTo(ReportRenderer.renderToString(f, ctx));
    }

    @Test
    void staysBoundedAtTenThousandAccounts() throws Exception {
        Findings f = SampleFindings.build(10_000);
        String html = ReportRenderer.renderToString(f, ReportContext.of("big", null, List.of(), List.of())
                .withLimits(2000, 50, 50));
        String table = html.substring(html.indexOf("id=\"accounts-table\""));
        int rows = countOf(table.substring(0, table.indexOf("</table>")), "<tr>") - 1;
        assertThat(rows).isEqualTo(41 + 50);
        assertThat(html).contains("Showing all 41 flagged accounts, then the 50 highest-scoring of 10,025 unflagged");
        assertThat(html.length()).isLessThan(400_000);
    }

    @Test
    void activityChartSumsLongHistogramsIntoBoundedBars() {
        long[] counts = new long[24 * 90];
        java.util.Arrays.fill(counts, 2);
        String svg = Svg.activity(new io.distillguard.findings.Activity(SampleFindings.T0, 3_600_000L, counts));
        assertThat(countOf(svg, "<rect")).isLessThanOrEqualTo(Svg.MAX_BARS);
        assertThat(svg).contains("one bar = 12 h", "2026-02-10");
        assertThat(Svg.activity(io.distillguard.findings.Activity.empty())).isEmpty();
        assertThat(Svg.niceCeil(1)).isEqualTo(1);
        assertThat(Svg.niceCeil(870)).isEqualTo(1000);
        assertThat(Svg.niceCeil(1200)).isEqualTo(2000);
        assertThat(Svg.niceCeil(50)).isEqualTo(50);
    }

    @Test
    void capabilityChartFoldsTheTailIntoOther() {
        Map<String, Double> mix = new java.util.TreeMap<>();
        for (int i = 0; i < 14; i++) {
            mix.put("cap" + i, 1.0 / 14);
        }
        String svg = Svg.capabilityMix(mix);
        assertThat(countOf(svg, "<rect")).isEqualTo(Svg.MAX_CAPABILITIES);
        assertThat(svg).contains(">other (5)</text>");
        assertThat(Svg.capabilityMix(Map.of())).isEmpty();
        String tiny = Svg.capabilityMix(Map.of("coding", 0.9996, "chit_chat", 0.0004));
        assertThat(tiny).contains(">&lt;0.1%</text>").doesNotContain("<0.1%");
    }

    @Test
    void reportCommandRendersAScanFolderWithNetworkAttribution() throws Exception {
        Path scan = dir.resolve("scan");
        FindingsWriter.write(SampleFindings.build(5), scan);
        Path out = dir.resolve("out").resolve("r.html");
        int code = Main.run("report", "--findings", scan.toString(), "--out", out.toString(), "--generated-at",
                "2026-02-12T00:00:00Z", "--input", "events.jsonl");
        assertThat(code).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("ip-location-db", "CC BY 4.0", "<a href=\"https://db-ip.com\">IP Geolocation by DB-IP</a>",
                "Generated: 2026-02-12T00:00:00Z", "events.jsonl");
        assertThat(Main.run("report", "--findings", dir.resolve("missing").toString())).isEqualTo(1);
    }

    @Test
    void reportCommandDefaultsToReportHtmlInTheFolderAndOmitsAttributionWithoutNetworkData() throws Exception {
        Findings f = SampleFindings.build(1);
        Map<String, Object> summary = new java.util.LinkedHashMap<>(f.summary());
        summary.remove("network_data");
        Path scan = dir.resolve("scan2");
        FindingsWriter.write(new Findings(f.detector(), f.accounts(), f.clusters(), summary), scan);
        assertThat(Main.run("report", "--findings", scan.toString())).isZero();
        String html = Files.readString(scan.resolve("report.html"));
        assertThat(html).doesNotContain("ip-location-db").contains("No third-party reference data was used");
    }

    @Test
    void rendersAnEmptyScan() throws Exception {
        String html = roundTripAndRender(new Findings("baseline:rate-limit", List.of(), List.of(), Map.of()),
                ReportContext.of(null, null, List.of(), List.of()));
        assertThat(html).contains("<title>distillguard report</title>", "The detector formed no clusters.",
                "Nothing was flagged, so the policy would take no action.", "Showing all 0 flagged accounts",
                "The detector recorded no run facts.").endsWith("</html>\n");
    }

    @Test
    void numericCellsCarrySortKeysSoFormattedNumbersSortNumerically() {
        String html = ReportRenderer.renderToString(SampleFindings.build(3), ReportContext.of("t", null, List.of(),
                List.of()));
        assertThat(html).contains("<td class=\"n\" data-v=\"61234\">61,234</td>", "<td class=\"n\" data-v=\"1590\">1,590</td>",
                "<th data-type=\"num\">first flagged</th>");
    }

    private static <T> List<T> reversed(List<T> in) {
        List<T> out = new java.util.ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }

    private static int countOf(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
