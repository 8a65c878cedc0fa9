package io.distillguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Tool definitions offered by agents and the synthetic tool results fed back in their loops. */
final class Tools {

    private static final String PATH_PARAM = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"Path relative to the repository root\"}},\"required\":[\"path\"]}";

    static final List<SimEvent.ToolDef> CODING = List.of(
            new SimEvent.ToolDef("read_file", "Read a file from the workspace.", PATH_PARAM),
            new SimEvent.ToolDef("list_files", "List files under a directory.", PATH_PARAM),
            new SimEvent.ToolDef("write_file", "Create or overwrite a file.",
                    "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"content\":{\"type\":\"string\"}},\"required\":[\"path\",\"content\"]}"),
            new SimEvent.ToolDef("run_command", "Run a shell command in the workspace and return its output.",
                    "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"},\"timeout_s\":{\"type\":\"integer\"}},\"required\":[\"command\"]}"),
            new SimEvent.ToolDef("search_code", "Search the codebase with a regular expression.",
                    "{\"type\":\"object\",\"properties\":{\"pattern\":{\"type\":\"string\"},\"glob\":{\"type\":\"string\"}},\"required\":[\"pattern\"]}"));

    static final List<SimEvent.ToolDef> RESEARCH = List.of(
            new SimEvent.ToolDef("web_search", "Search the web and return the top results.",
                    "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}"),
            new SimEvent.ToolDef("fetch_url", "Fetch a web page and return its text.",
                    "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\"}},\"required\":[\"url\"]}"),
            new SimEvent.ToolDef("python", "Execute Python code and return stdout.",
                    "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"}},\"required\":[\"code\"]}"));

    private static final String[] FILES = {"src/main.py", "src/utils.py", "app/server.ts", "lib/parser.go",
        "src/lib.rs", "tests/test_main.py", "README.md", "package.json", "src/handlers/user.py", "pkg/api/client.go",
        "src/components/Table.tsx", "scripts/build.sh", "pyproject.toml", "src/db/models.py"};

    private Tools() {
    }

    /** Tools parsed from a pool record's schemas ({@code name}, {@code description}, {@code parameters}). */
    static List<SimEvent.ToolDef> fromPool(PromptRecord p) {
        if (p.toolsJson() == null) {
            return List.of();
        }
        List<SimEvent.ToolDef> out = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode arr = JSON.readTree(p.toolsJson());
            for (com.fasterxml.jackson.databind.JsonNode t : arr) {
                String name = t.path("name").asText("");
                if (name.isEmpty()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode params = t.path("parameters");
                out.add(new SimEvent.ToolDef(name, t.path("description").asText(""),
                        params.isObject() ? JSON.writeValueAsString(params) : "{\"type\":\"object\",\"properties\":{}}"));
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The next call an agent makes at loop step {@code step}, and the result it gets back. */
    static SimEvent.Msg[] step(int step, List<SimEvent.ToolDef> tools, PromptRecord codeSample, SplittableRandom r) {
        SimEvent.ToolDef t = step == 0 && tools.size() > 1 ? tools.get(1) : tools.get(r.nextInt(tools.size()));
        String id = "call_" + Rand.alnum(r, 20);
        String args;
        String result;
        String file = Rand.pick(r, FILES);
        switch (t.name()) {
            case "read_file" -> {
                args = "{\"path\":\"" + file + "\"}";
                result = Content.truncate(codeSample.text(), 900);
            }
            case "list_files" -> {
                args = "{\"path\":\".\"}";
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Rand.between(r, 4, 12); i++) {
                    sb.append(Rand.pick(r, FILES)).append('\n');
                }
                result = sb.toString();
            }
            case "write_file" -> {
                args = jsonObj("path", file, "content", Content.truncate(codeSample.text(), 700));
                result = "Wrote " + Rand.between(r, 200, 9000) + " bytes to " + file;
            }
            case "run_command" -> {
                String cmd = Rand.pick(r, "pytest -q", "npm test", "go test ./...", "cargo test", "python src/main.py",
                        "ruff check .", "git diff --stat", "make build");
                args = jsonObj("command", cmd, null, null);
                int passed = Rand.between(r, 3, 120);
                int failed = r.nextInt(3) == 0 ? Rand.between(r, 1, 4) : 0;
                result = failed > 0
                        ? "FAILED tests/test_main.py::test_case_" + Rand.between(r, 1, 40) + " - AssertionError\n"
                        + "===== " + failed + " failed, " + passed + " passed in " + Rand.between(r, 1, 40) + "."
                        + Rand.between(r, 10, 99) + "s ====="
                        : "===== " + passed + " passed in " + Rand.between(r, 1, 40) + "." + Rand.between(r, 10, 99)
                        + "s =====";
            }
            case "search_code" -> {
                args = jsonObj("pattern", Rand.pick(r, "def ", "TODO", "class ", "import ", "func ", "error"), null, null);
                result = file + ":" + Rand.between(r, 1, 400) + ": " + Content.truncate(firstLine(codeSample.text()), 160);
            }
            case "web_search" -> {
                args = jsonObj("query", Content.truncate(firstLine(codeSample.text()), 80), null, null);
                result = "1. " + Content.truncate(firstLine(codeSample.text()), 100) + " - docs\n2. Related discussion - forum\n3. Reference page";
            }
            default -> {
                args = "{}";
                result = "{\"status\":\"ok\",\"items\":" + Rand.between(r, 0, 25) + "}";
            }
        }
        return new SimEvent.Msg[] {
            SimEvent.Msg.calls(r.nextInt(3) == 0 ? "Let me check " + file + "." : "", List.of(new SimEvent.ToolCall(id, t.name(), args))),
            SimEvent.Msg.result(id, result)};
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i > 0 ? s.substring(0, i) : s;
    }

    private static String jsonObj(String k1, String v1, String k2, String v2) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            o.put(k1, v1);
            if (k2 != null) {
                o.put(k2, v2);
            }
            return JSON.writeValueAsString(o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
