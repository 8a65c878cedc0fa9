package io.distillguard.cli.report;

import static io.distillguard.cli.report.Html.esc;

import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.findings.LinkEvidence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link Findings} as one self-contained HTML page for a trust-and-safety analyst: summary,
 * campaigns ranked by score with their evidence, activity and capability charts and linking
 * attributes, and a sortable accounts table.
 *
 * <p>The page loads nothing: CSS, SVG charts and a small sorting/filtering script are inline, and a
 * Content-Security-Policy forbids every fetch and every script but that one (pinned by hash), so
 * even a mistake in escaping could not run injected code. All text from the findings (account ids,
 * evidence details, link values are attacker-controlled) is HTML-escaped and clipped. Output is
 * deterministic: no clock is read; numbers use {@link Locale#ROOT}; ties sort by id. Size is bounded
 * by the limits in {@link ReportContext} (a 10k-account scan renders to a few MB at most).
 */
public final class ReportRenderer {

    private static final int ID_CHARS = 80;
    private static final int DETAIL_CHARS = 400;
    private static final int VALUE_CHARS = 120;
    private static final int MAX_OVERVIEW_ROWS = 200;
    private static final int MAX_UNFLAGGED_OVERVIEW_ROWS = 20;
    private static final int MAX_EVIDENCE_ROWS = 40;
    private static final int MAX_LINK_ROWS = 40;
    private static final int MAX_MEMBERS_SHOWN = 60;
    private static final int TOP_EVIDENCE = 3;

    private static final String SCRIPT = ""
            + "(function(){"
            + "function key(r,i){var c=r.cells[i];var v=c.getAttribute('data-v');return v===null?c.textContent:v;}"
            + "document.querySelectorAll('table.sortable').forEach(function(t){"
            + "var ths=t.tHead.rows[0].cells;"
            + "Array.prototype.forEach.call(ths,function(th,i){"
            + "th.addEventListener('click',function(){"
            + "var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);"
            + "var num=th.getAttribute('data-type')==='num';"
            + "var dir=th.getAttribute('aria-sort')==='descending'?1:-1;"
            + "Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});"
            + "th.setAttribute('aria-sort',dir===1?'ascending':'descending');"
            + "rows.sort(function(a,b){var x=key(a,i),y=key(b,i);"
            + "if(num){x=parseFloat(x);y=parseFloat(y);if(isNaN(x))x=-Infinity;if(isNaN(y))y=-Infinity;"
            + "return x===y?0:(x<y?-dir:dir);}return x.localeCompare(y)*dir;});"
            + "rows.forEach(function(r){tb.appendChild(r);});});});});"
            + "var f=document.getElementById('acct-filter');"
            + "if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase();"
            + "var rows=document.getElementById('accounts-table').tBodies[0].rows;"
            + "for(var i=0;i<rows.length;i++){rows[i].hidden=rows[i].textContent.toLowerCase().indexOf(q)<0;}});}"
            + "})();";

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src 'sha256-" + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

    private static final String CSS = ""
            + ":root{--fg:#1d2330;--muted:#5d6675;--line:#d9dee7;--bg:#f6f7f9;--card:#fff;--red:#b42318;"
            + "--redbg:#fdecea;--amber:#b54708;--amberbg:#fef3e2;--green:#067647;--greenbg:#e7f6ee;--blue:#2456a6;}"
            + "*{box-sizing:border-box}"
            + "body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
            + "color:var(--fg);background:var(--bg)}"
            + "main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}"
            + "header{background:#1d2330;color:#fff;padding:18px 24px}"
            + "header .inner{max-width:1180px;margin:0 auto}"
            + "header h1{margin:0 0 4px;font-size:22px;font-weight:600}"
            + "header p{margin:0;color:#c9d1de;font-size:13px}"
            + "nav{max-width:1180px;margin:0 auto;padding:8px 24px 0;font-size:13px}"
            + "nav a{margin-right:14px}"
            + "a{color:var(--blue)}"
            + "h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}"
            + "h3{font-size:16px;margin:0 0 6px}"
            + "h4{font-size:13px;margin:14px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}"
            + ".cards{display:flex;flex-wrap:wrap;gap:12px}"
            + ".card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:170px}"
            + ".card .v{font-size:24px;font-weight:600}"
            + ".card .k{color:var(--muted);font-size:12px}"
            + ".banner{margin:14px 0;padding:10px 14px;border-radius:8px;background:var(--amberbg);"
            + "border:1px solid #f5c88a}"
            + ".banner b{color:var(--amber)}"
            + "table{border-collapse:collapse;width:100%;background:var(--card);font-size:13px}"
            + "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}"
            + "th{background:#eef1f5;font-weight:600;white-space:nowrap}"
            + "table.sortable th{cursor:pointer}"
            + "table.sortable th[aria-sort=ascending]::after{content:' \\25B2'}"
            + "table.sortable th[aria-sort=descending]::after{content:' \\25BC'}"
            + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
            + "td.t{white-space:nowrap}"
            + "td.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;"
            + "overflow-wrap:anywhere}"
            + "tr.neg td{color:var(--green)}"
            + ".badge{display:inline-block;white-space:nowrap;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}"
            + ".flag{background:var(--redbg);color:var(--red)}"
            + ".ok{background:var(--greenbg);color:var(--green)}"
            + ".act{background:#e8eefb;color:var(--blue)}"
            + "article.campaign{background:var(--card);border:1px solid var(--line);border-radius:8px;"
            + "padding:14px 16px;margin:16px 0}"
            + ".facts{color:var(--muted);margin:0 0 8px}"
            + ".charts{display:flex;flex-wrap:wrap;gap:8px 24px}"
            + ".chart{max-width:100%;height:auto}"
            + ".chart .bar{fill:#5b7fc7}.chart .bar.peak{fill:#b42318}"
            + ".chart .hbar{fill:#7a5bc7}"
            + ".chart .grid{stroke:#e6e9ef}.chart .axis{stroke:#8a93a3}"
            + ".chart text{font-size:11px;fill:#4a5261}.chart .muted{fill:#8a93a3}"
            + ".members{display:flex;flex-wrap:wrap;gap:4px}"
            + ".members span{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#eef1f5;"
            + "border-radius:4px;padding:1px 6px;overflow-wrap:anywhere}"
            + ".note{color:var(--muted);font-size:13px}"
            + "input#acct-filter{padding:5px 8px;width:320px;max-width:100%;border:1px solid var(--line);"
            + "border-radius:6px;margin:6px 0}"
            + "footer{max-width:1180px;margin:0 auto;padding:0 24px 40px;color:var(--muted);font-size:12px}"
            + "footer li{margin:3px 0}"
            + "#facts td:first-child{width:30%}"
            + "#accounts-table td:first-child{min-width:13em}"
            + "td.ev{font-size:12px}"
            + "@media print{nav,input#acct-filter{display:none}article.campaign{break-inside:avoid}}";

    private ReportRenderer() {
    }

    /**
     * Writes the report to {@code outFile} (UTF-8), creating parent folders and replacing the file.
     *
     * @throws IOException when the file cannot be written
     */
    public static void render(Findings findings, ReportContext ctx, Path outFile) throws IOException {
        Path parent = outFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            render(findings, ctx, w);
        }
    }

    /** Renders to a string (tests, previews). */
    public static String renderToString(Findings findings, ReportContext ctx) {
        StringWriter sw = new StringWriter();
        try {
            render(findings, ctx, sw);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not throw
        }
        return sw.toString();
    }

    /** Writes the page to {@code w}; does not close it. */
    public static void render(Findings findings, ReportContext ctx, Writer w) throws IOException {
        new Page(findings, ctx, w).write();
    }

    private static final class Page {
        private final Findings f;
        private final ReportContext ctx;
        private final Writer w;
        private final List<ClusterFinding> ranked;
        private final Map<String, String> anchors = new HashMap<>();

        Page(Findings f, ReportContext ctx, Writer w) {
            this.f = f;
            this.ctx = ctx;
            this.w = w;
            this.ranked = new ArrayList<>(f.clusters());
            ranked.sort(Comparator.comparingDouble(ClusterFinding::score).reversed()
                    .thenComparing(ClusterFinding::flagged, Comparator.reverseOrder())
                    .thenComparing(c -> c.members().size(), Comparator.reverseOrder())
                    .thenComparing(ClusterFinding::clusterId));
            int shown = 0;
            for (int i = 0; i < ranked.size(); i++) {
                ClusterFinding c = ranked.get(i);
                if (c.flagged() && shown < ctx.maxCampaignDetails() && !anchors.containsKey(c.clusterId())) {
                    anchors.put(c.clusterId(), "c-" + (i + 1));
                    shown++;
                }
            }
        }

        void write() throws IOException {
            w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + esc(CSP) + "\">\n");
            w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            w.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
            w.write("<title>" + esc(ctx.title(), 200) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
            header();
            w.write("<nav><a href=\"#summary\">Summary</a><a href=\"#campaigns\">Campaigns</a>"
                    + "<a href=\"#accounts\">Accounts</a><a href=\"#facts\">Run facts</a>"
                    + "<a href=\"#sources\">Data sources</a></nav>\n<main>\n");
            summary();
            campaigns();
            accounts();
            facts();
            w.write("</main>\n");
            footer();
            w.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
        }

        private void header() throws IOException {
            w.write("<header><div class=\"inner\"><h1>" + esc(ctx.title(), 200) + "</h1><p>Detector: "
                    + esc(f.detector(), ID_CHARS));
            if (ctx.generatedAt() != null) {
                w.write(" · Generated: " + esc(ctx.generatedAt(), 80));
            }
            if (!ctx.inputFiles().isEmpty()) {
                w.write(" · Input: ");
                int n = 0;
                for (String in : ctx.inputFiles()) {
                    if (n == 10) {
                        w.write(", … (" + (ctx.inputFiles().size() - 10) + " more)");
                        break;
                    }
                    w.write((n++ > 0 ? ", " : "") + esc(in, 200));
                }
            }
            w.write("</p></div></header>\n");
        }

        private void summary() throws IOException {
            long accounts = f.accounts().size();
            long flagged = f.accounts().stream().filter(AccountFinding::flagged).count();
            long flaggedClusters = f.clusters().stream().filter(ClusterFinding::flagged).count();
            long exchanges = f.accounts().stream().mapToLong(a -> Math.max(0, a.exchanges())).sum();
            long flaggedExchanges = f.accounts().stream().filter(AccountFinding::flagged)
                    .mapToLong(a -> Math.max(0, a.exchanges())).sum();
            w.write("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
            card(Html.count(accounts), "accounts scanned");
            card(Html.count(flagged), "accounts flagged" + (accounts > 0 ? " (" + Html.pct((double) flagged / accounts)
                    + ")" : ""));
            card(Html.count(flaggedClusters), "campaigns flagged (of " + Html.count(f.clusters().size())
                    + " clusters)");
            card(Html.count(exchanges), "exchanges");
            card(Html.count(flaggedExchanges), "exchanges from flagged accounts");
            w.write("</div>\n");

            Object mode = f.summary().get("mode");
            String modeText = mode == null || mode.toString().isBlank() || mode.toString().equals("observe")
                    ? "observe-only" : mode.toString();
            Map<String, long[]> actions = new TreeMap<>();
            for (ClusterFinding c : f.clusters()) {
                if (c.flagged()) {
                    long[] v = actions.computeIfAbsent(c.action(), k -> new long[2]);
                    v[0]++;
                    v[1] += c.members().size();
                }
            }
            java.util.Set<String> flaggedIds = new java.util.HashSet<>();
            f.clusters().stream().filter(ClusterFinding::flagged).forEach(c -> flaggedIds.add(c.clusterId()));
            long loose = f.accounts().stream()
                    .filter(a -> a.flagged() && (a.clusterId() == null || !flaggedIds.contains(a.clusterId())))
                    .count();
            w.write("<div class=\"banner\"><b>Mode: " + esc(modeText, 60) + ".</b> ");
            if (modeText.toLowerCase(Locale.ROOT).contains("observe")) {
                w.write("No action was taken. ");
            }
            if (actions.isEmpty() && loose == 0) {
                w.write("Nothing was flagged, so the policy would take no action.");
            } else {
                w.write("What the policy would do: ");
                int n = 0;
                for (Map.Entry<String, long[]> e : actions.entrySet()) {
                    w.write((n++ > 0 ? "; " : "") + "<b>" + esc(e.getKey(), 40) + "</b> " + e.getValue()[0]
                            + (e.getValue()[0] == 1 ? " campaign" : " campaigns") + " ("
                            + Html.count(e.getValue()[1]) + " accounts)");
                }
                if (loose > 0) {
                    w.write((n > 0 ? "; " : "") + Html.count(loose) + (loose == 1 ? " flagged account" : " flagged accounts")
                            + " outside a flagged campaign " + (loose == 1 ? "needs" : "need") + " individual review");
                }
                w.write(".");
            }
            w.write("</div>\n");

            List<Map.Entry<String, Object>> input = new ArrayList<>();
            for (Map.Entry<String, Object> e : f.summary().entrySet()) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.contains("line") || k.contains("reject") || k.contains("accepted") || k.contains("duplicate")
                        || k.contains("events") || k.contains("input")) {
                    input.add(e);
                }
            }
            if (!input.isEmpty()) {
                w.write("<h4>Input</h4><div class=\"cards\">");
                for (Map.Entry<String, Object> e : input.subList(0, Math.min(12, input.size()))) {
                    card(scalar(e.getValue()), e.getKey().replace('_', ' '));
                }
                w.write("</div>\n");
            }
            w.write("</section>\n");
        }

        private void card(String value, String label) throws IOException {
            w.write("<div class=\"card\"><div class=\"v\">" + esc(value, 40) + "</div><div class=\"k\">"
                    + esc(label, 80) + "</div></div>");
        }

        private void campaigns() throws IOException {
            w.write("<section id=\"campaigns\"><h2>Campaigns</h2>\n");
            if (ranked.isEmpty()) {
                w.write("<p class=\"note\">The detector formed no clusters.</p></section>\n");
                return;
            }
            w.write("<p class=\"note\">Clusters of linked accounts, ranked by campaign score (0–1). Flagged "
                    + "clusters are described in detail below the table.</p>\n");
            w.write("<table class=\"sortable\"><thead><tr><th class=\"n\" data-type=\"num\">#</th><th>cluster</th>"
                    + "<th class=\"n\" data-type=\"num\">score</th><th>verdict</th><th>would</th>"
                    + "<th class=\"n\" data-type=\"num\">accounts</th><th class=\"n\" data-type=\"num\">exchanges</th>"
                    + "<th data-type=\"num\">first flagged</th><th>top evidence</th></tr></thead><tbody>\n");
            int rows = 0;
            int unflaggedRows = 0;
            for (int i = 0; i < ranked.size() && rows < MAX_OVERVIEW_ROWS; i++) {
                ClusterFinding c = ranked.get(i);
                if (!c.flagged() && unflaggedRows++ >= MAX_UNFLAGGED_OVERVIEW_ROWS) {
                    continue;
                }
                rows++;
                String anchor = anchors.get(c.clusterId());
                w.write("<tr><td class=\"n\">" + (i + 1) + "</td><td class=\"id\">");
                w.write(anchor != null ? "<a href=\"#" + anchor + "\">" + esc(c.clusterId(), ID_CHARS) + "</a>"
                        : esc(c.clusterId(), ID_CHARS));
                w.write("</td><td class=\"n\">" + Html.score(c.score()) + "</td><td>" + verdict(c.flagged())
                        + "</td><td>" + (c.flagged() ? "<span class=\"badge act\">" + esc(c.action(), 40) + "</span>"
                        : "") + "</td><td class=\"n\" data-v=\"" + c.members().size() + "\">"
                        + Html.count(c.members().size()) + "</td><td class=\"n\" data-v=\"" + c.exchanges() + "\">"
                        + Html.count(c.exchanges()) + "</td><td class=\"t\" data-v=\""
                        + (c.firstFlagMillis() == null ? "" : c.firstFlagMillis()) + "\">"
                        + (c.firstFlagMillis() == null ? "—" : Html.minute(c.firstFlagMillis())) + "</td><td>"
                        + topEvidence(c.evidence()) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
            if (ranked.size() > rows) {
                w.write("<p class=\"note\">Showing " + rows + " of " + Html.count(ranked.size()) + " clusters (at most "
                        + MAX_OVERVIEW_ROWS + ", of which at most " + MAX_UNFLAGGED_OVERVIEW_ROWS
                        + " unflagged); all are in clusters.json.</p>\n");
            }
            long flagged = ranked.stream().filter(ClusterFinding::flagged).count();
            if (flagged == 0) {
                w.write("<p class=\"note\">No cluster was flagged as a campaign.</p>\n");
            }
            for (int i = 0; i < ranked.size(); i++) {
                ClusterFinding c = ranked.get(i);
                String anchor = anchors.get(c.clusterId());
                if (anchor != null && anchor.equals("c-" + (i + 1))) {
                    campaign(c, i + 1, anchor);
                }
            }
            if (flagged > anchors.size()) {
                w.write("<p class=\"note\">" + Html.count(flagged - anchors.size()) + " more flagged campaigns are "
                        + "listed in the table above without detail; see clusters.json.</p>\n");
            }
            w.write("</section>\n");
        }

        private void campaign(ClusterFinding c, int rank, String anchor) throws IOException {
            w.write("<article class=\"campaign\" id=\"" + anchor + "\"><h3>#" + rank + " · campaign "
                    + esc(c.clusterId(), ID_CHARS) + " " + verdict(c.flagged()) + " <span class=\"badge act\">would: "
                    + esc(c.action(), 40) + "</span></h3>\n");
            w.write("<p class=\"facts\">score <b>" + Html.score(c.score()) + "</b> · " + Html.count(c.members().size())
                    + " accounts · " + Html.count(c.exchanges()) + " exchanges");
            if (c.firstFlagMillis() != null) {
                w.write(" · first flagged " + Html.minute(c.firstFlagMillis()));
            }
            w.write("</p>\n");

            String activity = Svg.activity(c.activity());
            String mix = Svg.capabilityMix(c.capabilityMix());
            w.write("<div class=\"charts\"><div><h4>Activity over time</h4>");
            w.write(activity.isEmpty() ? "<p class=\"note\">No activity histogram recorded.</p>" : activity);
            w.write("</div><div><h4>Capability mix</h4>");
            w.write(mix.isEmpty() ? "<p class=\"note\">No capability mix recorded.</p>" : mix);
            w.write("</div></div>\n");

            w.write("<h4>Evidence</h4>");
            evidenceTable(c.evidence());

            w.write("<h4>What ties the accounts together</h4>");
            if (c.links().isEmpty()) {
                w.write("<p class=\"note\">No linking attributes recorded.</p>\n");
            } else {
                w.write("<table><thead><tr><th>attribute</th><th>shared value</th>"
                        + "<th class=\"n\">accounts sharing it</th><th class=\"n\">weight</th></tr></thead><tbody>\n");
                for (LinkEvidence l : c.links().subList(0, Math.min(MAX_LINK_ROWS, c.links().size()))) {
                    w.write("<tr><td>" + esc(l.attribute(), 60) + "</td><td class=\"id\">" + esc(l.value(), VALUE_CHARS)
                            + "</td><td class=\"n\">" + Html.count(l.accounts()) + " of "
                            + Html.count(c.members().size()) + "</td><td class=\"n\">" + Html.num(l.weight())
                            + "</td></tr>\n");
                }
                w.write("</tbody></table>\n");
                if (c.links().size() > MAX_LINK_ROWS) {
                    w.write("<p class=\"note\">" + (c.links().size() - MAX_LINK_ROWS)
                            + " more links in clusters.json.</p>\n");
                }
            }

            w.write("<h4>Accounts (" + Html.count(c.members().size()) + ")</h4><div class=\"members\">");
            for (String m : c.members().subList(0, Math.min(MAX_MEMBERS_SHOWN, c.members().size()))) {
                w.write("<span>" + esc(m, ID_CHARS) + "</span>");
            }
            if (c.members().size() > MAX_MEMBERS_SHOWN) {
                w.write("<span>+ " + Html.count(c.members().size() - MAX_MEMBERS_SHOWN) + " more</span>");
            }
            w.write("</div>\n</article>\n");
        }

        private void evidenceTable(List<Evidence> evidence) throws IOException {
            if (evidence.isEmpty()) {
                w.write("<p class=\"note\">No evidence recorded.</p>\n");
                return;
            }
            w.write("<table><thead><tr><th>signal</th><th class=\"n\">value</th><th class=\"n\">benign baseline</th>"
                    + "<th class=\"n\">weight</th><th>detail</th></tr></thead><tbody>\n");
            boolean negative = false;
            for (Evidence e : evidence.subList(0, Math.min(MAX_EVIDENCE_ROWS, evidence.size()))) {
                negative |= e.weight() < 0;
                w.write("<tr" + (e.weight() < 0 ? " class=\"neg\"" : "") + "><td>" + esc(e.signal(), 60)
                        + "</td><td class=\"n\">" + esc(Html.withUnit(e.value(), e.unit()), 60) + "</td><td class=\"n\">"
                        + esc(Html.withUnit(e.baseline(), e.unit()), 60) + "</td><td class=\"n\">"
                        + signed(e.weight()) + "</td><td>" + esc(e.detail(), DETAIL_CHARS) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
            if (evidence.size() > MAX_EVIDENCE_ROWS) {
                w.write("<p class=\"note\">" + (evidence.size() - MAX_EVIDENCE_ROWS)
                        + " more evidence items in clusters.json.</p>\n");
            }
            if (negative) {
                w.write("<p class=\"note\">Rows in green have negative weight: evidence that speaks for benign "
                        + "use and lowered the score.</p>\n");
            }
        }

        private void accounts() throws IOException {
            List<AccountFinding> flagged = new ArrayList<>();
            List<AccountFinding> other = new ArrayList<>();
            for (AccountFinding a : f.accounts()) {
                (a.flagged() ? flagged : other).add(a);
            }
            Comparator<AccountFinding> byScore = Comparator.comparingDouble(AccountFinding::score).reversed()
                    .thenComparing(AccountFinding::accountId);
            flagged.sort(byScore);
            other.sort(byScore);
            List<AccountFinding> shownFlagged = flagged.subList(0, Math.min(ctx.maxAccountRows(), flagged.size()));
            List<AccountFinding> shownOther = other.subList(0, Math.min(ctx.nearMissRows(), other.size()));
            w.write("<section id=\"accounts\"><h2>Accounts</h2>\n<p class=\"note\">");
            w.write("Showing " + (shownFlagged.size() == flagged.size() ? "all " + Html.count(flagged.size())
                    : Html.count(shownFlagged.size()) + " of " + Html.count(flagged.size())) + " flagged accounts");
            if (!shownOther.isEmpty()) {
                w.write(", then the " + Html.count(shownOther.size()) + " highest-scoring of "
                        + Html.count(other.size()) + " unflagged accounts");
            }
            w.write(". All " + Html.count(f.accounts().size()) + " accounts are in accounts.csv, flagged accounts' "
                    + "full evidence in evidence.jsonl. Click a column to sort.</p>\n");
            w.write("<input id=\"acct-filter\" type=\"search\" placeholder=\"Filter rows (account, cluster, signal)…\" "
                    + "aria-label=\"Filter accounts\">\n");
            w.write("<table class=\"sortable\" id=\"accounts-table\"><thead><tr><th>account</th>"
                    + "<th class=\"n\" data-type=\"num\">score</th><th>verdict</th><th>cluster</th>"
                    + "<th data-type=\"num\">first flagged</th><th class=\"n\" data-type=\"num\">exchanges at flag</th>"
                    + "<th class=\"n\" data-type=\"num\">exchanges</th><th>top evidence</th></tr></thead><tbody>\n");
            for (List<AccountFinding> part : List.of(shownFlagged, shownOther)) {
                for (AccountFinding a : part) {
                    accountRow(a);
                }
            }
            w.write("</tbody></table>\n</section>\n");
        }

        private void accountRow(AccountFinding a) throws IOException {
            String cluster = "";
            if (a.clusterId() != null) {
                String anchor = anchors.get(a.clusterId());
                cluster = anchor != null ? "<a href=\"#" + anchor + "\">" + esc(a.clusterId(), ID_CHARS) + "</a>"
                        : esc(a.clusterId(), ID_CHARS);
            }
            String first = a.firstFlagMillis() == null ? "" : Long.toString(a.firstFlagMillis());
            w.write("<tr><td class=\"id\">" + esc(a.accountId(), ID_CHARS) + "</td><td class=\"n\">"
                    + Html.score(a.score()) + "</td><td>" + verdict(a.flagged()) + "</td><td class=\"id\">" + cluster
                    + "</td><td class=\"t\" data-v=\"" + first + "\">"
                    + (a.firstFlagMillis() == null ? "—" : Html.minute(a.firstFlagMillis()))
                    + "</td><td class=\"n\" data-v=\"" + a.exchangesAtFlag() + "\">"
                    + (a.exchangesAtFlag() < 0 ? "—" : Html.count(a.exchangesAtFlag()))
                    + "</td><td class=\"n\" data-v=\"" + a.exchanges() + "\">"
                    + (a.exchanges() < 0 ? "—" : Html.count(a.exchanges()))
                    + "</td><td class=\"ev\">" + topEvidence(a.evidence()) + "</td></tr>\n");
        }

        private String topEvidence(List<Evidence> evidence) {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (Evidence e : evidence) {
                if (n == TOP_EVIDENCE) {
                    break;
                }
                if (n++ > 0) {
                    sb.append(" · ");
                }
                boolean share = "share".equals(e.unit());
                sb.append("<span title=\"").append(esc(e.detail(), DETAIL_CHARS)).append("\">")
                        .append(esc(e.signal(), 60)).append(" ")
                        .append(esc(share ? Html.pct(e.value()) : Html.num(e.value()), 40));
                if (!Double.isNaN(e.baseline())) {
                    sb.append(" <span class=\"note\">(benign ")
                            .append(esc(share ? Html.pct(e.baseline()) : Html.num(e.baseline()), 40)).append(")</span>");
                }
                sb.append("</span>");
            }
            return sb.toString();
        }

        private void facts() throws IOException {
            w.write("<section id=\"facts\"><h2>Run facts</h2>\n");
            if (f.summary().isEmpty()) {
                w.write("<p class=\"note\">The detector recorded no run facts.</p></section>\n");
                return;
            }
            w.write("<table><thead><tr><th>fact</th><th>value</th></tr></thead><tbody>\n");
            int n = 0;
            for (Map.Entry<String, Object> e : f.summary().entrySet()) {
                if (n++ == 500) {
                    w.write("<tr><td colspan=\"2\" class=\"note\">" + (f.summary().size() - 500)
                            + " more in clusters.json</td></tr>\n");
                    break;
                }
                w.write("<tr><td>" + esc(e.getKey(), 120) + "</td><td class=\"id\">" + esc(scalar(e.getValue()), 400)
                        + "</td></tr>\n");
            }
            w.write("</tbody></table>\n</section>\n");
        }

        private void footer() throws IOException {
            w.write("<footer id=\"sources\"><h2>Data sources and attribution</h2>\n");
            if (ctx.attributions().isEmpty()) {
                w.write("<p>No third-party reference data was used for this report.</p>\n");
            } else {
                w.write("<ul>");
                for (String line : ctx.attributions()) {
                    if (line.equals(NetworkData.DBIP_LINK)) {
                        // the exact link-back DB-IP's licence asks for
                        w.write("<li><a href=\"https://db-ip.com\">IP Geolocation by DB-IP</a></li>");
                    } else {
                        w.write("<li>" + Html.linkify(Html.clip(line, 2000)) + "</li>");
                    }
                }
                w.write("</ul>\n");
            }
            w.write("<p>Scores are in [0, 1]; higher means more likely part of a distillation campaign. Each score "
                    + "lists the signals behind it with the benign baseline they were compared to.</p>\n</footer>\n");
        }
    }

    private static String verdict(boolean flagged) {
        return flagged ? "<span class=\"badge flag\">flagged</span>" : "<span class=\"badge ok\">not flagged</span>";
    }

    private static String signed(double weight) {
        if (Double.isNaN(weight)) {
            return "—";
        }
        return (weight > 0 ? "+" : weight < 0 ? "−" : "") + String.format(Locale.ROOT, "%.2f", Math.abs(weight));
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Double || v instanceof Float) {
            return Html.num(((Number) v).doubleValue());
        }
        if (v instanceof Long || v instanceof Integer) {
            return Html.count(((Number) v).longValue());
        }
        return v.toString();
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
