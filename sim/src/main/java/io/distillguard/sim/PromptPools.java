package io.distillguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real prompt text the simulator draws from, grouped into pools by what the prompts are.
 *
 * <p>The default pools are a small redistributable sample shipped as classpath resources (origin and
 * licences in NOTICE). {@link #load(Path)} reads a folder in the same layout as the project's shared
 * prompt data: category subfolders ({@code human}, {@code distill}, {@code benchmark}, {@code rubric})
 * holding {@code .jsonl} or {@code .jsonl.gz} files. Files are assigned to pools by folder and name;
 * a pool the folder leaves empty falls back to the shipped sample.
 */
public final class PromptPools {

    /** What a pool holds. */
    public enum Pool {
        /** Prompts people type into a chat (human folder). */
        CHAT,
        /** General instructions and tasks (self-instruct, IFEval, MT-Bench, Vicuna). */
        INSTRUCT,
        /** Code-generation requests. */
        CODE,
        /** Tool-use requests, some with tool schemas. */
        TOOL,
        /** Grade-school maths word problems (GSM8K). */
        MATH,
        /** Multiple-choice questions (MMLU). */
        MMLU,
        /** Function-completion problems (HumanEval). */
        HUMANEVAL,
        /** Judge / rubric prompt templates with {placeholders}. */
        RUBRIC
    }

    private static final String RESOURCE_ROOT = "/io/distillguard/sim/prompts/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Pool, List<PromptRecord>> pools;

    private PromptPools(Map<Pool, List<PromptRecord>> pools) {
        this.pools = pools;
    }

    /** The shipped sample. */
    public static PromptPools defaults() {
        Map<Pool, List<PromptRecord>> m = emptyMap();
        try (InputStream idx = PromptPools.class.getResourceAsStream(RESOURCE_ROOT + "index.txt")) {
            if (idx == null) {
                throw new IllegalStateException("prompt sample missing from the classpath");
            }
            BufferedReader br = new BufferedReader(new InputStreamReader(idx, StandardCharsets.UTF_8));
            String line;
            while ((line = br.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty()) {
                    continue;
                }
                try (InputStream in = PromptPools.class.getResourceAsStream(RESOURCE_ROOT + line)) {
                    if (in == null) {
                        throw new IllegalStateException("prompt resource missing: " + line);
                    }
                    readInto(m.get(poolOf(line)), line.endsWith(".gz") ? new GZIPInputStream(in) : in, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PromptPools(freeze(m));
    }

    /**
     * Pools read from {@code dir}; pools it leaves empty come from the shipped sample.
     *
     * @throws IOException when the folder cannot be read or a file is not valid JSONL
     */
    public static PromptPools load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder: " + dir);
        }
        Map<Pool, List<PromptRecord>> m = emptyMap();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz"))
                    .sorted()
                    .toList();
        }
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(f)) {
                readInto(m.get(poolOf(rel)), rel.endsWith(".gz") ? new GZIPInputStream(in) : in, rel);
            }
        }
        PromptPools fallback = defaults();
        for (Pool p : Pool.values()) {
            if (m.get(p).isEmpty()) {
                m.get(p).addAll(fallback.pool(p));
            }
        }
        return new PromptPools(freeze(m));
    }

    /** The prompts of one pool, never empty. */
    public List<PromptRecord> pool(Pool pool) {
        return pools.get(pool);
    }

    /** Pool a file belongs to, from its path relative to the pool root ({@code category/name}). */
    static Pool poolOf(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (p.startsWith("rubric/") || name.contains("judge") || name.contains("evaluator")) {
            return Pool.RUBRIC;
        }
        if (name.startsWith("gsm8k")) {
            return Pool.MATH;
        }
        if (name.startsWith("mmlu")) {
            return Pool.MMLU;
        }
        if (name.startsWith("humaneval")) {
            return Pool.HUMANEVAL;
        }
        if (name.contains("toolformer") || name.contains("toolcall") || name.contains("tool_")) {
            return Pool.TOOL;
        }
        if (name.contains("code")) {
            return Pool.CODE;
        }
        if (p.startsWith("human/")) {
            return Pool.CHAT;
        }
        return Pool.INSTRUCT;
    }

    private static void readInto(List<PromptRecord> out, InputStream in, String name) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        long n = 0;
        while ((line = br.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(name + ":" + n + ": not JSON: " + e.getOriginalMessage(), e);
            }
            String text = o.path("text").asText("");
            if (text.isEmpty()) {
                continue;
            }
            JsonNode meta = o.path("meta");
            String answer = meta.hasNonNull("answer") ? meta.get("answer").asText() : null;
            List<String> turns = new ArrayList<>();
            if (meta.path("turns").isArray()) {
                for (int i = 1; i < meta.get("turns").size(); i++) {
                    turns.add(meta.get("turns").get(i).asText());
                }
            }
            String tools = meta.path("tools").isArray() && meta.get("tools").size() > 0
                    ? JSON.writeValueAsString(meta.get("tools")) : null;
            String topic = meta.hasNonNull("subject") ? meta.get("subject").asText()
                    : meta.hasNonNull("category") ? meta.get("category").asText() : null;
            out.add(new PromptRecord(o.path("id").asText(name + "-" + n), text,
                    o.hasNonNull("system") ? o.get("system").asText() : null,
                    o.path("source").asText(name), answer, List.copyOf(turns), tools, topic));
        }
    }

    private static Map<Pool, List<PromptRecord>> emptyMap() {
        Map<Pool, List<PromptRecord>> m = new EnumMap<>(Pool.class);
        for (Pool p : Pool.values()) {
            m.put(p, new ArrayList<>());
        }
        return m;
    }

    private static Map<Pool, List<PromptRecord>> freeze(Map<Pool, List<PromptRecord>> m) {
        Map<Pool, List<PromptRecord>> f = new EnumMap<>(Pool.class);
        for (Map.Entry<Pool, List<PromptRecord>> e : m.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalStateException("prompt pool " + e.getKey() + " is empty");
            }
            f.put(e.getKey(), Collections.unmodifiableList(e.getValue()));
        }
        return Collections.unmodifiableMap(f);
    }
}
