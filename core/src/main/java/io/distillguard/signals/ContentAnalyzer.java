package io.distillguard.signals;

import io.distillguard.model.Exchange;

/**
 * Computes {@link ContentSignals} for one exchange. Thread-safe and stateless; cost is linear in the
 * prompt length (the prompt is scanned up to a fixed cap).
 *
 * <p>INTERIM: the classifiers are being built; this version only fills the hashes and agentic flag.
 */
public final class ContentAnalyzer {

    /** Creates an analyzer with the built-in lexicons. */
    public ContentAnalyzer() {
    }

    /** Analyses one exchange; never throws on any exchange the reader produced. */
    public ContentSignals analyze(Exchange e) {
        String p = e.lastUserText().strip().toLowerCase(java.util.Locale.ROOT);
        long promptHash = p.isEmpty() ? 0 : fnv(p);
        long systemHash = e.systemText().isBlank() ? 0 : fnv(e.systemText().strip().toLowerCase(java.util.Locale.ROOT));
        boolean agentic = !e.tools().isEmpty() && e.toolResultCount() > 0;
        return new ContentSignals(0, 0, 0, 0, 0, agentic, false,
                agentic ? Capability.AGENTIC : Capability.OTHER, promptHash, promptHash, systemHash, p.length());
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }
}
