package io.distillguard.findings;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@link Findings} as the scan output contract ({@code accounts.csv}, {@code clusters.json},
 * {@code evidence.jsonl}) into a folder. Output is deterministic: the same findings give the same
 * bytes (accounts sorted by id, numbers rounded to 6 decimals, no wall-clock time).
 */
public final class FindingsWriter {

    /** Header of {@code accounts.csv}; the first four columns are fixed by the spec. */
    public static final String ACCOUNTS_HEADER =
            "account_id,score,flagged,cluster_id,first_flag_ts,exchanges_at_flag,exchanges,top_evidence";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int TOP_EVIDENCE = 3;

    private FindingsWriter() {
    }

    /**
     * Writes the three files into {@code dir}, creating it when needed and replacing existing files.
     *
     * @throws IOException when the folder cannot be created or a file cannot be written
     */
    public static void write(Findings findings, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<AccountFinding> accounts = new ArrayList<>(findings.accounts());
        accounts.sort(Comparator.comparing(AccountFinding::accountId));
        writeAccountsCsv(accounts, dir.resolve("accounts.csv"));
        writeClustersJson(findings, dir.resolve("clusters.json"));
        writeEvidence(accounts, dir.resolve("evidence.jsonl"));
    }

    private static void writeAccountsCsv(List<AccountFinding> accounts, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(ACCOUNTS_HEADER);
            w.write('\n');
            for (AccountFinding a : accounts) {
                w.write(Csv.quote(a.accountId()));
                w.write(',');
                w.write(num(a.score()));
                w.write(',');
                w.write(Boolean.toString(a.flagged()));
                w.write(',');
                w.write(a.clusterId() == null ? "" : Csv.quote(a.clusterId()));
                w.write(',');
                w.write(a.firstFlagMillis() == null ? "" : Instant.ofEpochMilli(a.firstFlagMillis()).toString());
                w.write(',');
                w.write(Long.toString(a.exchangesAtFlag()));
                w.write(',');
                w.write(Long.toString(a.exchanges()));
                w.write(',');
                w.write(Csv.quote(a.evidence().stream().limit(TOP_EVIDENCE).map(Evidence::signal)
                        .collect(Collectors.joining("|"))));
                w.write('\n');
            }
        }
    }

    private static void writeClustersJson(Findings f, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("detector", f.detector());
            g.writeObjectFieldStart("summary");
            for (Map.Entry<String, Object> e : f.summary().entrySet()) {
                g.writeFieldName(e.getKey());
                writeScalar(g, e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("clusters");
            for (ClusterFinding c : f.clusters()) {
                g.writeStartObject();
                g.writeStringField("cluster_id", c.clusterId());
                g.writeFieldName("score");
                g.writeNumber(round(c.score()));
                g.writeBooleanField("flagged", c.flagged());
                g.writeNumberField("size", c.members().size());
                g.writeNumberField("exchanges", c.exchanges());
                if (c.firstFlagMillis() == null) {
                    g.writeNullField("first_flag_ts");
                } else {
                    g.writeStringField("first_flag_ts", Instant.ofEpochMilli(c.firstFlagMillis()).toString());
                }
                g.writeStringField("action", c.action());
                g.writeArrayFieldStart("members");
                for (String m : c.members()) {
                    g.writeString(m);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("evidence");
                for (Evidence e : c.evidence()) {
                    writeEvidence(g, e);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("links");
                for (LinkEvidence l : c.links()) {
                    g.writeStartObject();
                    g.writeStringField("attribute", l.attribute());
                    g.writeStringField("value", l.value());
                    g.writeNumberField("accounts", l.accounts());
                    g.writeFieldName("weight");
                    g.writeNumber(round(l.weight()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("activity");
                g.writeStringField("start", Instant.ofEpochMilli(c.activity().startMillis()).toString());
                g.writeNumberField("bucket_ms", c.activity().bucketMillis());
                g.writeArrayFieldStart("counts");
                for (long n : c.activity().counts()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("capability_mix");
                List<String> caps = new ArrayList<>(c.capabilityMix().keySet());
                caps.sort(null);
                for (String k : caps) {
                    g.writeFieldName(k);
                    g.writeNumber(round(c.capabilityMix().get(k)));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeEvidence(List<AccountFinding> accounts, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AccountFinding a : accounts) {
                if (!a.flagged()) {
                    continue;
                }
                java.io.StringWriter line = new java.io.StringWriter();
                try (JsonGenerator g = JSON.createGenerator(line)) {
                    g.writeStartObject();
                    g.writeStringField("account_id", a.accountId());
                    g.writeFieldName("score");
                    g.writeNumber(round(a.score()));
                    if (a.clusterId() == null) {
                        g.writeNullField("cluster_id");
                    } else {
                        g.writeStringField("cluster_id", a.clusterId());
                    }
                    if (a.firstFlagMillis() == null) {
                        g.writeNullField("first_flag_ts");
                    } else {
                        g.writeStringField("first_flag_ts", Instant.ofEpochMilli(a.firstFlagMillis()).toString());
                    }
                    g.writeNumberField("exchanges_at_flag", a.exchangesAtFlag());
                    g.writeNumberField("exchanges", a.exchanges());
                    g.writeArrayFieldStart("evidence");
                    for (Evidence e : a.evidence()) {
                        writeEvidence(g, e);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                w.write(line.toString());
                w.write('\n');
            }
        }
    }

    private static void writeEvidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("signal", e.signal());
        g.writeFieldName("value");
        writeDouble(g, e.value());
        g.writeFieldName("baseline");
        writeDouble(g, e.baseline());
        g.writeFieldName("weight");
        writeDouble(g, e.weight());
        g.writeStringField("unit", e.unit());
        g.writeStringField("detail", e.detail());
        g.writeEndObject();
    }

    private static void writeScalar(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            writeDouble(g, ((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString(v.toString());
        }
    }

    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeNull();
        } else {
            g.writeNumber(round(d));
        }
    }

    static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String num(double d) {
        BigDecimal b = round(d);
        return b.signum() == 0 ? "0" : b.toPlainString();
    }
}
