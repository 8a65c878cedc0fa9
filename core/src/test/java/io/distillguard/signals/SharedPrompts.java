package io.distillguard.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dev-visible prompt pools of {@code ../shared/data/prompts} (relative to the repo root, the
 * folder holding {@code mvnw}) or {@code $DISTILLGUARD_SHARED/data/prompts}. Test and benchmark use only:
 * the files are read in place, never copied into the repository.
 */
final class SharedPrompts {

    /** One pool record. {@code system} is empty when the source has none; {@code meta} may be missing. */
    record Rec(String id, String text, String system, JsonNode meta) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedPrompts() {
    }

    /** The prompts folder, when the shared data is present. */
    static Optional<Path> dir() {
        String env = System.getenv("DISTILLGUARD_SHARED");
        Path shared = null;
        if (env != null && !env.isBlank()) {
            shared = Path.of(env);
        } else {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.exists(p.resolve("mvnw"))) {
                p = p.getParent();
            }
            if (p != null && p.getParent() != null) {
                shared = p.getParent().resolve("shared");
            }
        }
        if (shared == null) {
            return Optional.empty();
        }
        Path prompts = shared.resolve("data").resolve("prompts");
        return Files.isDirectory(prompts) ? Optional.of(prompts) : Optional.empty();
    }

    static final String ABSENT = "shared prompt pools not found: set DISTILLGUARD_SHARED to the shared folder "
            + "(containing data/prompts) or place it at ../shared next to the repo root";

    /** Reads up to {@code limit} records of one pool file, e.g. {@code human/instructionwild.jsonl}. */
    static List<Rec> read(Path dir, String file, int limit) {
        Path f = dir.resolve(file);
        List<Rec> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && out.size() < limit) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                out.add(new Rec(n.path("id").asText(), n.path("text").asText(), n.path("system").asText(""),
                        n.get("meta")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
