package io.distillguard.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (or DISTILLGUARD_SHARED) for tests that use it when present. */
final class SharedData {

    private SharedData() {
    }

    /** The shared prompt folder, or null when absent. */
    static Path prompts() {
        String env = System.getenv("DISTILLGUARD_SHARED");
        Path base;
        if (env != null && !env.isBlank()) {
            base = Path.of(env);
        } else {
            // tests run in the module folder; the repo root is the folder holding mvnw
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.exists(p.resolve("mvnw"))) {
                p = p.getParent();
            }
            if (p == null || p.getParent() == null) {
                return null;
            }
            base = p.getParent().resolve("shared");
        }
        Path dir = base.resolve("data/prompts");
        return Files.isDirectory(dir) ? dir : null;
    }
}
