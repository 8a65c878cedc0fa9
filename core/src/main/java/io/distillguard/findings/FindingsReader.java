package io.distillguard.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scan output folder written by {@link FindingsWriter} (or by any detector that follows the
 * spec's output contract: only {@code accounts.csv} with its first four columns is required;
 * {@code clusters.json} and {@code evidence.jsonl} are read when present).
 */
public final class FindingsReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingsReader() {
    }

    /**
     * Reads the findings in {@code dir}.
     *
     * @throws IOException when {@code accounts.csv} is missing or unreadable, or a file is malformed
     *     (the message names the file and line)
     */
    public static Findings read(Path dir) throws IOException {
        Path accountsCsv = dir.resolve("accounts.csv");
        if (!Files.isRegularFile(accountsCsv)) {
            throw new IOException("no accounts.csv in " + dir);
        }
        Map<String, List<Evidence>> evidence = readEvidence(dir.resolve("evidence.jsonl"));
        List<AccountFinding> accounts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(accountsCsv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(accountsCsv + ": empty file");
            }
            List<String> cols = Csv.split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                idx.put(cols.get(i).trim(), i);
            }
            for (String req : List.of("account_id", "score", "flagged", "cluster_id")) {
                if (!idx.containsKey(req)) {
                    throw new IOException(accountsCsv + ": header lacks column " + req);
                }
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                try {
                    String id = f.get(idx.get("account_id"));
                    double score = Double.parseDouble(f.get(idx.get("score")));
                    boolean flagged = Boolean.parseBoolean(f.get(idx.get("flagged")).trim());
                    String cluster = emptyToNull(f.get(idx.get("cluster_id")));
                    Long firstFlag = null;
                    Integer ffi = idx.get("first_flag_ts");
                    if (ffi != null && ffi < f.size() && !f.get(ffi).isBlank()) {
                        firstFlag = Instant.parse(f.get(ffi).trim()).toEpochMilli();
                    }
                    long atFlag = longCol(f, idx.get("exchanges_at_flag"), -1);
                    long exchanges = longCol(f, idx.get("exchanges"), -1);
                    accounts.add(new AccountFinding(id, Math.max(0, Math.min(1, score)), flagged, cluster, firstFlag,
                            atFlag, exchanges, evidence.getOrDefault(id, List.of())));
                } catch (RuntimeException e) {
                    throw new IOException(accountsCsv + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        List<ClusterFinding> clusters = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        String detector = dir.getFileName() == null ? "unknown" : dir.getFileName().toString();
        Path clustersJson = dir.resolve("clusters.json");
        if (Files.isRegularFile(clustersJson)) {
            JsonNode root = MAPPER.readTree(clustersJson.toFile());
            if (root.hasNonNull("detector")) {
                detector = root.get("detector").asText();
            }
            JsonNode s = root.path("summary");
            s.fields().forEachRemaining(e -> summary.put(e.getKey(), scalar(e.getValue())));
            for (JsonNode c : root.path("clusters")) {
                clusters.add(cluster(c));
            }
        }
        return new Findings(detector, accounts, clusters, summary);
    }

    private static ClusterFinding cluster(JsonNode c) {
        List<String> members = new ArrayList<>();
        c.path("members").forEach(m -> members.add(m.asText()));
        List<Evidence> ev = new ArrayList<>();
        c.path("evidence").forEach(e -> ev.add(evidence(e)));
        List<LinkEvidence> links = new ArrayList<>();
        c.path("links").forEach(l -> links.add(new LinkEvidence(l.path("attribute").asText(),
                l.path("value").asText(), l.path("accounts").asInt(), l.path("weight").asDouble())));
        JsonNode a = c.path("activity");
        Activity activity = Activity.empty();
        if (a.isObject() && a.hasNonNull("start")) {
            long[] counts = new long[a.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = a.path("counts").get(i).asLong();
            }
            activity = new Activity(Instant.parse(a.get("start").asText()).toEpochMilli(),
                    Math.max(1, a.path("bucket_ms").asLong(3_600_000L)), counts);
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        c.path("capability_mix").fields().forEachRemaining(e -> mix.put(e.getKey(), e.getValue().asDouble()));
        Long firstFlag = c.hasNonNull("first_flag_ts") ? Instant.parse(c.get("first_flag_ts").asText()).toEpochMilli()
                : null;
        return new ClusterFinding(c.path("cluster_id").asText(), c.path("score").asDouble(),
                c.path("flagged").asBoolean(), members, c.path("exchanges").asLong(), firstFlag,
                c.path("action").asText("observe"), ev, links, activity, mix);
    }

    private static Evidence evidence(JsonNode e) {
        return new Evidence(e.path("signal").asText(), dbl(e.get("value")), dbl(e.get("baseline")),
                dbl(e.get("weight")), e.path("unit").asText(""), e.path("detail").asText(""));
    }

    private static double dbl(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static Object scalar(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isNull() ? null : n.asText();
    }

    private static Map<String, List<Evidence>> readEvidence(Path file) throws IOException {
        Map<String, List<Evidence>> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = MAPPER.readTree(line);
                List<Evidence> ev = new ArrayList<>();
                n.path("evidence").forEach(e -> ev.add(evidence(e)));
                out.put(n.path("account_id").asText(), ev);
            }
        }
        return out;
    }

    private static long longCol(List<String> f, Integer i, long dflt) {
        if (i == null || i >= f.size() || f.get(i).isBlank()) {
            return dflt;
        }
        return Long.parseLong(f.get(i).trim());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
