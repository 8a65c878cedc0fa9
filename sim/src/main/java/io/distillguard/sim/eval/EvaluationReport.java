package io.distillguard.sim.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.distillguard.sim.eval.Evaluation.CampaignResult;
import io.distillguard.sim.eval.Evaluation.PersonaResult;
import io.distillguard.sim.eval.Evaluation.Spread;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Renders evaluations as a side-by-side text table (one column per detector) and as JSON.
 *
 * <p>Rounding is the same in both: rates and shares to 4 decimals, hours to 2, exchange counts to 1,
 * half-even; an undefined value is {@code n/a} in the table and {@code null} in JSON. Output depends
 * only on the evaluations, so the same inputs give the same bytes.
 */
public final class EvaluationReport {

    private static final JsonFactory JSON = new JsonFactory();

    private EvaluationReport() {
    }

    /** The side-by-side table, lines ending in {@code \n}. */
    public static String table(GroundTruth truth, List<Evaluation> evals) {
        List<String> names = columnNames(evals);
        List<String[]> rows = new ArrayList<>();
        double budget = evals.isEmpty() ? Evaluator.DEFAULT_FPR_BUDGET : evals.get(0).fprBudget();
        row(rows, "detector", evals, e -> names.get(evals.indexOf(e)));
        row(rows, "labelled accounts missing (score 0)", evals, e -> Integer.toString(e.missingAccounts()));
        row(rows, "unlabelled accounts (ignored)", evals, e -> Integer.toString(e.unlabelledAccounts()));
        row(rows, "flagged: attack / benign", evals, e -> e.truePositives() + " / " + e.falsePositives());
        row(rows, "precision", evals, e -> rate(e.precision()));
        row(rows, "recall", evals, e -> rate(e.recall()));
        row(rows, "F1", evals, e -> rate(e.f1()));
        row(rows, "benign FPR", evals, e -> rate(e.benignFpr()));
        row(rows, "ROC-AUC", evals, e -> rate(e.rocAuc()));
        row(rows, "PR-AUC (average precision)", evals, e -> rate(e.averagePrecision()));
        row(rows, "recall @ benign FPR <= " + percent(budget), evals, e -> rate(e.recallAtFprBudget()));
        row(rows, "cluster purity", evals, e -> rate(e.clusterPurity()));
        row(rows, "flagged clusters", evals, e -> Integer.toString(e.flaggedClusters()));
        boolean delays = evals.stream().anyMatch(Evaluation::delaysMeasured);
        for (String c : truth.campaigns()) {
            int size = evals.isEmpty() ? 0 : campaign(evals.get(0), c).accounts();
            rows.add(new String[] {"campaign " + c + " (" + size + " accounts)"});
            row(rows, "  recall", evals, e -> rate(campaign(e, c).recall()));
            row(rows, "  recovery (largest cluster)", evals, e -> rate(campaign(e, c).recovery()));
            if (delays) {
                row(rows, "  hours to flag, median", evals, e -> hours(campaign(e, c).delayHours().median()));
                row(rows, "  hours to flag, p90", evals, e -> hours(campaign(e, c).delayHours().p90()));
                row(rows, "  campaign exchanges to flag, median", evals,
                        e -> count(campaign(e, c).delayCampaignExchanges().median()));
                row(rows, "  campaign exchanges to flag, p90", evals,
                        e -> count(campaign(e, c).delayCampaignExchanges().p90()));
            }
            row(rows, "  own exchanges to flag, median", evals, e -> count(campaign(e, c).delayOwnExchanges().median()));
            row(rows, "  own exchanges to flag, p90", evals, e -> count(campaign(e, c).delayOwnExchanges().p90()));
        }
        for (String p : truth.personas()) {
            if (evals.isEmpty()) {
                break;
            }
            PersonaResult first = persona(evals.get(0), p);
            if (first.benignAccounts() > 0) {
                row(rows, "persona " + p + " (" + first.benignAccounts() + " benign): FPR", evals,
                        e -> rate(persona(e, p).benignFpr()));
            }
            if (first.attackAccounts() > 0) {
                row(rows, "persona " + p + " (" + first.attackAccounts() + " attack): recall", evals,
                        e -> rate(persona(e, p).attackRecall()));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("labels: ").append(truth.size()).append(" accounts, ").append(truth.attackCount())
                .append(" attack in ").append(truth.campaigns().size()).append(" campaigns, ")
                .append(truth.size() - truth.attackCount()).append(" benign");
        sb.append(delays ? "; delays from the events file\n" : "; no events file: hour delays not measured\n");
        int[] width = new int[evals.size() + 1];
        for (String[] r : rows) {
            if (r.length == 1) {
                continue;
            }
            for (int k = 0; k < r.length; k++) {
                width[k] = Math.max(width[k], r[k].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            line.append(pad(r[0], width[0], false));
            for (int k = 1; k < r.length; k++) {
                line.append("  ").append(pad(r[k], width[k], true));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the evaluations as JSON to {@code file}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeJson(GroundTruth truth, List<Evaluation> evals, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeObjectFieldStart("labels");
            g.writeNumberField("accounts", truth.size());
            g.writeNumberField("attack", truth.attackCount());
            g.writeNumberField("benign", truth.size() - truth.attackCount());
            g.writeNumberField("campaigns", truth.campaigns().size());
            g.writeNumberField("personas", truth.personas().size());
            g.writeEndObject();
            List<String> names = columnNames(evals);
            g.writeArrayFieldStart("detectors");
            for (int i = 0; i < evals.size(); i++) {
                writeEvaluation(g, names.get(i), evals.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeEvaluation(JsonGenerator g, String name, Evaluation e) throws IOException {
        g.writeStartObject();
        g.writeStringField("detector", name);
        g.writeStringField("source", e.source());
        g.writeNumberField("attack_accounts", e.attackAccounts());
        g.writeNumberField("benign_accounts", e.benignAccounts());
        g.writeNumberField("missing_accounts", e.missingAccounts());
        g.writeNumberField("unlabelled_accounts", e.unlabelledAccounts());
        g.writeNumberField("true_positives", e.truePositives());
        g.writeNumberField("false_positives", e.falsePositives());
        g.writeNumberField("false_negatives", e.falseNegatives());
        g.writeNumberField("true_negatives", e.trueNegatives());
        num(g, "precision", e.precision(), 4);
        num(g, "recall", e.recall(), 4);
        num(g, "f1", e.f1(), 4);
        num(g, "benign_fpr", e.benignFpr(), 4);
        num(g, "roc_auc", e.rocAuc(), 4);
        num(g, "pr_auc", e.averagePrecision(), 4);
        num(g, "fpr_budget", e.fprBudget(), 6);
        num(g, "recall_at_fpr_budget", e.recallAtFprBudget(), 4);
        num(g, "cluster_purity", e.clusterPurity(), 4);
        g.writeNumberField("flagged_clusters", e.flaggedClusters());
        g.writeBooleanField("delays_from_events", e.delaysMeasured());
        g.writeArrayFieldStart("campaigns");
        for (CampaignResult c : e.campaigns()) {
            g.writeStartObject();
            g.writeStringField("campaign", c.campaign());
            g.writeNumberField("accounts", c.accounts());
            g.writeNumberField("flagged", c.flagged());
            num(g, "recall", c.recall(), 4);
            num(g, "recovery", c.recovery(), 4);
            if (c.dominantCluster() == null) {
                g.writeNullField("dominant_cluster");
            } else {
                g.writeStringField("dominant_cluster", c.dominantCluster());
            }
            if (c.firstEventMillis() == null) {
                g.writeNullField("first_event_ts");
            } else {
                g.writeStringField("first_event_ts", java.time.Instant.ofEpochMilli(c.firstEventMillis()).toString());
            }
            g.writeNumberField("timed_accounts", c.timedAccounts());
            spread(g, "hours_to_flag", c.delayHours(), 2);
            spread(g, "campaign_exchanges_to_flag", c.delayCampaignExchanges(), 1);
            spread(g, "own_exchanges_to_flag", c.delayOwnExchanges(), 1);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("personas");
        for (PersonaResult p : e.personas()) {
            g.writeStartObject();
            g.writeStringField("persona", p.persona());
            g.writeNumberField("benign_accounts", p.benignAccounts());
            g.writeNumberField("benign_flagged", p.benignFlagged());
            num(g, "benign_fpr", p.benignFpr(), 4);
            g.writeNumberField("attack_accounts", p.attackAccounts());
            g.writeNumberField("attack_flagged", p.attackFlagged());
            num(g, "attack_recall", p.attackRecall(), 4);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void spread(JsonGenerator g, String field, Spread s, int scale) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("count", s.count());
        num(g, "median", s.median(), scale);
        num(g, "p90", s.p90(), scale);
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String field, double v, int scale) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(field);
        } else {
            g.writeFieldName(field);
            g.writeNumber(round(v, scale));
        }
    }

    static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static String fmt(double v, int scale) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : round(v, scale).toPlainString();
    }

    static String rate(double v) {
        return fmt(v, 4);
    }

    private static String hours(double v) {
        return fmt(v, 2);
    }

    private static String count(double v) {
        return fmt(v, 1);
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private static void row(List<String[]> rows, String label, List<Evaluation> evals, Function<Evaluation, String> f) {
        String[] r = new String[evals.size() + 1];
        r[0] = label;
        for (int i = 0; i < evals.size(); i++) {
            r[i + 1] = f.apply(evals.get(i));
        }
        rows.add(r);
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) {
            return s;
        }
        String fill = " ".repeat(w - s.length());
        return right ? fill + s : s + fill;
    }

    private static CampaignResult campaign(Evaluation e, String c) {
        for (CampaignResult r : e.campaigns()) {
            if (r.campaign().equals(c)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no campaign " + c);
    }

    private static PersonaResult persona(Evaluation e, String p) {
        for (PersonaResult r : e.personas()) {
            if (r.persona().equals(p)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no persona " + p);
    }

    /** Detector names, made unique by appending the source when two detectors share a name. */
    static List<String> columnNames(List<Evaluation> evals) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        evals.forEach(e -> seen.merge(e.detector(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        for (Evaluation e : evals) {
            String name = seen.get(e.detector()) > 1 ? e.detector() + " (" + e.source() + ")" : e.detector();
            String unique = name;
            for (int k = 2; !used.add(unique); k++) {
                unique = name + " #" + k;
            }
            out.add(unique);
        }
        return out;
    }
}
