package io.distillguard.signals;

/**
 * Per-thread, direct-mapped cache of what a system text contributes to {@link ContentAnalyzer}'s
 * analysis of an exchange.
 *
 * <p>Why: in real traffic a few system texts account for most exchanges (a SaaS backend, an agent
 * framework or a judge platform sends one fixed system prompt with every request), and scanning,
 * matching and fingerprinting the system text costs as much as a short user prompt. A hit replays the
 * stored result instead, which is exact: a slot is used only when its text is {@link String#equals equal}
 * to the exchange's system text, never on a hash match alone.
 *
 * <p>Bounds: {@code slots} entries (a power of two); texts longer than {@link #MAX_CHARS} chars are never
 * stored, so the cache holds at most {@code slots * MAX_CHARS} chars of text per thread (512 KiB to 4 MiB
 * with the default of {@value #DEFAULT_SLOTS} slots, Latin-1 or UTF-16 strings). A new text evicts the one
 * in its slot. Cost of a lookup: a slot index from the length and eight sampled chars, then one
 * {@code String.equals} (a vectorised compare, about 0.1 ns per char); a miss costs one fresh analysis of
 * the system text plus one small allocation.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class SystemTextCache {

    /** Default number of slots. */
    static final int DEFAULT_SLOTS = 256;
    /** Longest system text stored, in chars; longer texts are analysed every time. */
    static final int MAX_CHARS = 8192;

    /**
     * The system text's contribution: the features it fires (distinct, in firing order, as a fresh
     * analysis of the text alone fires them), the cue groups it sets, the windowed rules it meets, its
     * {@code [[} count, its template SimHash and its exact hash.
     */
    record Part(String text, int[] fired, long groups, long rulesMet, int doubleBrackets, long templateHash,
            long exactHash) {

        /**
         * Applies this part to the scratch of an exchange whose user prompt has been scanned and matched,
         * leaving the state {@code explain} and the scores read exactly as scanning and matching the system
         * text inline would: a feature the user prompt already fired is not fired again (so the firing
         * order, which fixes the order of the floating-point products, is the inline order), cue groups and
         * met rules are unions (the inline match resets the group positions before the system text, so its
         * windowed rules depend on the system text alone), and the {@code [[} counts add up.
         */
        void replayInto(PromptScanner.Scratch sc) {
            int[] stamp = sc.stamp;
            int gen = sc.generation;
            for (int fid : fired) {
                if (stamp[fid] != gen) {
                    stamp[fid] = gen;
                    sc.fired[sc.firedCount++] = fid;
                }
            }
            sc.groups |= groups;
            sc.rulesMet |= rulesMet;
            sc.doubleBrackets += doubleBrackets;
        }
    }

    private final Part[] slots;
    private final int mask;
    private long hits;
    private long misses;

    SystemTextCache(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a positive power of two: " + slots);
        }
        this.slots = new Part[slots];
        this.mask = slots - 1;
    }

    /** The stored part for exactly this text, or null. */
    Part get(String text) {
        Part p = slots[slot(text)];
        if (p != null && p.text().equals(text)) {
            hits++;
            return p;
        }
        misses++;
        return null;
    }

    /** Stores a part in its text's slot (evicting the previous one); texts over {@link #MAX_CHARS} are not stored. */
    void put(Part p) {
        if (p.text().length() <= MAX_CHARS) {
            slots[slot(p.text())] = p;
        }
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    /**
     * Slot of a text: a hash of its length and eight chars spread over it. Cheaper than
     * {@code String.hashCode} (which reads every char of a text the reader has just created), and a
     * collision only costs a miss.
     */
    int slot(String text) {
        int n = text.length();
        int h = n * 0x9E3779B9;
        if (n > 0) {
            int step = (n >>> 3) + 1;
            for (int i = n - 1, k = 0; k < 8 && i >= 0; i -= step, k++) {
                h = (h ^ text.charAt(i)) * 0x01000193;
            }
        }
        return (h ^ h >>> 15) & mask;
    }
}
