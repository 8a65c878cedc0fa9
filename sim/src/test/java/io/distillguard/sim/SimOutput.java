package io.distillguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulation's files parsed for assertions (small runs only). */
final class SimOutput {

    record Label(String accountId, String label, String campaign, String persona) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> eventLines;
    final List<JsonNode> accounts = new ArrayList<>();
    final List<JsonNode> models = new ArrayList<>();
    final Map<String, Label> labels = new LinkedHashMap<>();
    final String labelsHeader;

    SimOutput(Path dir) throws IOException {
        eventLines = Files.readAllLines(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
        for (String l : Files.readAllLines(dir.resolve("accounts.jsonl"), StandardCharsets.UTF_8)) {
            accounts.add(JSON.readTree(l));
        }
        for (String l : Files.readAllLines(dir.resolve("models.jsonl"), StandardCharsets.UTF_8)) {
            models.add(JSON.readTree(l));
        }
        List<String> lab = Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8);
        labelsHeader = lab.get(0);
        for (String l : lab.subList(1, lab.size())) {
            String[] f = l.split(",", -1);
            labels.put(f[0], new Label(f[0], f[1], f[2], f[3]));
        }
    }

    /** Parses every event line; throws on a line that is not JSON. */
    List<JsonNode> events() throws IOException {
        List<JsonNode> out = new ArrayList<>(eventLines.size());
        for (String l : eventLines) {
            out.add(JSON.readTree(l));
        }
        return out;
    }
}
