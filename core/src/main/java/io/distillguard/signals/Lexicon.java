package io.distillguard.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiled phrase lexicon: a vocabulary of lower-case word tokens (looked up by their 64-bit token
 * hash) and a token-level trie of phrases. Each phrase fires one {@link Feature}; a feature belongs to
 * one {@link Family}, has a weight in (0, 1] (its contribution to the family score by noisy-OR) and a
 * set of cue-group bits used by the conjunction rules of {@link ContentLexicon}.
 *
 * <p>Phrase syntax (expanded at build time): words separated by spaces; {@code (a|b|c)} is an
 * alternative, {@code [x]} an optional word, {@code [a|b]} an
 * optional alternative, {@code #} any number. Phrases are tokenised exactly like
 * prompts (letters and digits; everything else separates), so "step-by-step" and "step by step" are
 * the same phrase.
 *
 * <p>Immutable after construction; lookups are allocation-free and thread-safe.
 */
final class Lexicon {

    /** Feature families. Capability families only feed the capability classifier. */
    enum Family {
        COT, RECON, RUBRIC, CENSOR, SQA, TOOL,
        CODE, MATH, WRITING, QA, CHAT,
        /** Phrases that neutralise a weaker match starting at the same word (e.g. "step by step guide"). */
        NEUTRAL
    }

    /** One named cue. */
    record Feature(int id, String name, Family family, double weight, long groups) {
    }

    /** Token id of any all-digit token. */
    static final int NUM = 0;

    /** Guards against a pattern that silently builds a huge trie. */
    static final int MAX_EXPANSIONS = 50_000;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final List<Feature> features = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    /**
     * Vocabulary: token hash -> {@linkplain #entry(long) entry}, a two-choice (cuckoo) hash table of
     * interleaved pairs: {@code vocab[2s]} the token hash (0 = empty slot), {@code vocab[2s + 1]} the entry.
     * Every word of a prompt is looked up, and most of the scanner's per-word cost was the branches of a
     * linear probe (found / empty / next) and a second load for the instruction flag; here a lookup reads
     * two fixed slots and selects without branching on the outcome.
     */
    private long[] vocab = new long[2 * 1024];
    private int vocabSize;
    /** Entry of an all-digit token (token id {@link #NUM}). */
    private long numEntry = NUM;
    // trie: (node << 32 | tokenId) -> child node
    private long[] trieKeys = new long[8192];
    private int[] trieVals = new int[8192];
    private int trieEdges;
    private int nodes = 1; // node 0 is the root
    /**
     * Children of the root by token id (-1 = none): every word of a prompt starts a match attempt at the
     * root, so this level is an array index instead of a hash probe.
     */
    private int[] rootChildren = filled(1024);
    private int[][] terminal = new int[1024][]; // node -> features ending there (null = none)
    /** Node -> union of the cue groups of the features ending there (0 = none); saves a feature lookup per hit. */
    private long[] terminalGroups = new long[1024];
    /**
     * Node -> bit {@code id & 63} set for each child token id: most trie steps of a prompt find no child,
     * and this one-load test rejects them before the hashed edge probe.
     */
    private long[] childMask = new long[1024];
    // per feature id, flattened out of the Feature records for the per-hit loops
    private long[] featureGroups = new long[256];
    private int[] featureFamily = new int[256];
    private double[] featureWeight = new double[256];
    private boolean[] instruction = new boolean[1024]; // token id -> prompt-instruction word

    Lexicon() {
        words.add("#");
        // number words count as numbers ("ten questions" = "10 questions")
        for (String w : new String[] {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "dozens",
            "hundreds", "thousand", "thousands"}) {
            vocabAdd(hash(w), NUM);
        }
    }

    // ---------------------------------------------------------------- building

    /** Adds a feature fired by any of the phrases. */
    Feature add(Family family, String name, double weight, long groups, String... phrases) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight out of [0,1]: " + name);
        }
        Feature f = new Feature(features.size(), name, family, weight, groups);
        features.add(f);
        if (f.id() >= featureGroups.length) {
            featureGroups = Arrays.copyOf(featureGroups, featureGroups.length * 2);
            featureFamily = Arrays.copyOf(featureFamily, featureFamily.length * 2);
            featureWeight = Arrays.copyOf(featureWeight, featureWeight.length * 2);
        }
        featureWeight[f.id()] = weight;
        featureGroups[f.id()] = groups;
        featureFamily[f.id()] = family.ordinal();
        for (String p : phrases) {
            for (List<String> expansion : expand(p)) {
                insert(expansion, f);
            }
        }
        return f;
    }

    /** Marks words as prompt-instruction vocabulary (weighted up in the template fingerprint). */
    void instructionWords(String... ws) {
        for (String w : ws) {
            for (String t : tokens(w)) {
                int id = idOrAdd(t);
                ensureInstruction(id);
                instruction[id] = true;
                // the flag is also kept in every vocabulary entry of the id, for the scanner's single lookup
                for (int s = 0; s < vocab.length; s += 2) {
                    if (vocab[s] != 0 && (int) vocab[s + 1] == id) {
                        vocab[s + 1] |= INSTRUCTION_BIT;
                    }
                }
                if (id == NUM) {
                    numEntry |= INSTRUCTION_BIT;
                }
            }
        }
    }

    private void ensureInstruction(int id) {
        if (id >= instruction.length) {
            instruction = Arrays.copyOf(instruction, Math.max(id + 1, instruction.length * 2));
        }
    }

    private void insert(List<String> toks, Feature f) {
        int node = 0;
        for (String t : toks) {
            int id = "#".equals(t) ? NUM : idOrAdd(t);
            int child = child(node, id);
            if (child < 0) {
                child = nodes++;
                putChild(node, id, child);
            }
            node = child;
        }
        if (node == 0) {
            throw new IllegalArgumentException("empty phrase for " + f.name());
        }
        if (node >= terminal.length) {
            terminal = Arrays.copyOf(terminal, Math.max(node + 1, terminal.length * 2));
            terminalGroups = Arrays.copyOf(terminalGroups, terminal.length);
        }
        terminalGroups[node] |= f.groups();
        int[] t = terminal[node];
        if (t == null) {
            terminal[node] = new int[] {f.id()};
        } else if (t[t.length - 1] != f.id()) {
            // one phrase may be a cue of several families (e.g. "final answer": CoT and a given answer)
            int[] grown = Arrays.copyOf(t, t.length + 1);
            grown[t.length] = f.id();
            terminal[node] = grown;
        }
    }

    static List<List<String>> expand(String phrase) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (String part : patternParts(phrase)) {
            List<String> options = new ArrayList<>();
            boolean optional = false;
            if (part.startsWith("(") && part.endsWith(")")) {
                options.addAll(Arrays.asList(part.substring(1, part.length() - 1).split("\\|")));
            } else if (part.startsWith("[") && part.endsWith("]") && part.length() > 2) {
                options.addAll(Arrays.asList(part.substring(1, part.length() - 1).split("\\|")));
                optional = true;
            } else {
                options.add(part);
            }
            // tokenised once per part, not once per prefix: a pattern's alternatives multiply the prefixes
            List<List<String>> optionTokens = new ArrayList<>(options.size());
            for (String o : options) {
                optionTokens.add("#".equals(o) ? List.of("#") : tokens(o));
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                if (optional) {
                    next.add(prefix);
                }
                for (List<String> toks : optionTokens) {
                    List<String> l = new ArrayList<>(prefix.size() + toks.size());
                    l.addAll(prefix);
                    l.addAll(toks);
                    next.add(l);
                }
            }
            out = next;
            if (out.size() > MAX_EXPANSIONS) {
                throw new IllegalArgumentException("phrase expands to more than " + MAX_EXPANSIONS + " forms: " + phrase);
            }
        }
        return out;
    }

    /** Splits a pattern on spaces outside {@code (...)} and {@code [...]} groups. */
    static List<String> patternParts(String phrase) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (b.length() > 0) {
                    parts.add(b.toString());
                    b.setLength(0);
                }
            } else {
                b.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced group in pattern: " + phrase);
        }
        if (b.length() > 0) {
            parts.add(b.toString());
        }
        return parts;
    }

    /** Splits text into lower-case letter/digit tokens, the same way the scanner does. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            } else if (b.length() > 0) {
                out.add(b.toString());
                b.setLength(0);
            }
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
        return out;
    }

    static long hash(String token) {
        long h = FNV_OFFSET;
        for (int i = 0; i < token.length(); i++) {
            h = (h ^ token.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    static long hashStart() {
        return FNV_OFFSET;
    }

    static long hashStep(long h, char lowerCaseChar) {
        return (h ^ lowerCaseChar) * FNV_PRIME;
    }

    private int idOrAdd(String token) {
        long h = hash(token);
        int id = id(h);
        if (id >= 0) {
            return id;
        }
        id = words.size();
        words.add(token);
        vocabAdd(h, id);
        return id;
    }

    /** Adds a token hash not in the vocabulary yet (its id not an instruction word yet). */
    private void vocabAdd(long h, int id) {
        if (h == 0) {
            throw new IllegalStateException("token hash 0 marks an empty vocabulary slot"); // never seen; 2^-64
        }
        if ((vocabSize + 1) * 4 > vocab.length) { // load at most 1/2
            vocabRehash(vocab.length * 2);
        }
        long homeless = vocabPut(h, id & 0xffffffffL);
        while (homeless != 0) {
            vocabRehash(vocab.length * 2);
            homeless = vocabPut(homeless, vocabHomelessEntry);
        }
        vocabSize++;
    }

    /** Longest eviction chain of a cuckoo insertion before the table is grown. */
    private static final int MAX_KICKS = 500;
    /** Entry of the key {@link #vocabPut} returned as homeless. */
    private long vocabHomelessEntry;

    /**
     * Cuckoo insertion: a key goes to one of its two slots, evicting the occupant to the occupant's other
     * slot, and so on. Returns 0, or the key left without a slot after {@link #MAX_KICKS} evictions (its entry
     * in {@link #vocabHomelessEntry}); the table must then grow.
     */
    private long vocabPut(long h, long entry) {
        long[] t = vocab;
        int mask = (t.length >> 1) - 1;
        int p = vocabSlot(h) & mask;
        if (t[2 * p] != 0 && t[2 * (vocabSlot2(h) & mask)] == 0) {
            p = vocabSlot2(h) & mask;
        }
        for (int kick = 0; kick < MAX_KICKS; kick++) {
            long k = t[2 * p];
            long e = t[2 * p + 1];
            t[2 * p] = h;
            t[2 * p + 1] = entry;
            if (k == 0) {
                return 0;
            }
            h = k;
            entry = e;
            int home = vocabSlot(h) & mask;
            p = home == p ? vocabSlot2(h) & mask : home;
        }
        vocabHomelessEntry = entry;
        return h;
    }

    /** Re-inserts every entry into a table of {@code length} longs, doubling it again until all fit. */
    private void vocabRehash(int length) {
        long[] old = vocab;
        while (true) {
            vocab = new long[length];
            boolean fits = true;
            for (int s = 0; s < old.length && fits; s += 2) {
                fits = old[s] == 0 || vocabPut(old[s], old[s + 1]) == 0;
            }
            if (fits) {
                return;
            }
            length *= 2;
        }
    }

    private void putChild(int node, int id, int child) {
        if ((trieEdges + 1) * 2 > trieKeys.length) {
            long[] oldK = trieKeys;
            int[] oldV = trieVals;
            trieKeys = new long[oldK.length * 2];
            trieVals = new int[oldK.length * 2];
            for (int i = 0; i < oldK.length; i++) {
                if (oldK[i] != 0) {
                    triePut(oldK[i], oldV[i]);
                }
            }
        }
        triePut(edgeKey(node, id), child);
        trieEdges++;
        if (node >= childMask.length) {
            childMask = Arrays.copyOf(childMask, Math.max(node + 1, childMask.length * 2));
        }
        childMask[node] |= 1L << (id & 63);
        if (node == 0 && id >= 0) {
            if (id >= rootChildren.length) {
                int old = rootChildren.length;
                rootChildren = Arrays.copyOf(rootChildren, Math.max(id + 1, old * 2));
                Arrays.fill(rootChildren, old, rootChildren.length, -1);
            }
            rootChildren[id] = child;
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private void triePut(long key, int child) {
        int mask = trieKeys.length - 1;
        int i = edgeSlot(key) & mask;
        while (trieKeys[i] != 0) {
            i = (i + 1) & mask;
        }
        trieKeys[i] = key;
        trieVals[i] = child;
    }

    // ---------------------------------------------------------------- lookups (hot path)

    private static long edgeKey(int node, int id) {
        // +1 keeps the key non-zero (0 marks an empty slot)
        return ((long) node << 32 | (id & 0xffffffffL)) + 1;
    }

    /**
     * Home slot of a token hash in the vocabulary table (before masking). The token hash is FNV-1a, whose
     * high half is well mixed already, so folding it costs a few ALU operations instead of the two
     * multiplies of {@link #mix} on the latency path of every scanned word. Only the probe position
     * depends on it, never a token id.
     */
    private static int vocabSlot(long h) {
        int x = (int) (h >>> 32) ^ (int) h;
        return x ^ x >>> 15;
    }

    /**
     * Home slot of a trie edge key (node in the high half, token id in the low half): one 32-bit multiply
     * spreads the node over the table instead of the two 64-bit multiplies of {@link #mix}. Only the probe
     * position depends on it, never a result.
     */
    private static int edgeSlot(long key) {
        int x = (int) (key >>> 32) * 0x9E3779B1 + (int) key;
        return x ^ x >>> 16;
    }

    /** Second slot of a token hash: other bits of the (well mixed) high half than {@link #vocabSlot}'s. */
    private static int vocabSlot2(long h) {
        return (int) (h >>> 40) ^ (int) (h >>> 13);
    }

    /** Bit of an {@linkplain #entry(long) entry} set when the word is a prompt-instruction word. */
    static final long INSTRUCTION_BIT = 1L << 32;
    /** Entry of a word outside the vocabulary: token id -1, not an instruction word. */
    static final long MISS = 0xffffffffL;

    /**
     * Vocabulary entry of a token hash: the token id in the low 32 bits ({@code (int) entry}, -1 when the
     * word is not in the vocabulary) and {@link #INSTRUCTION_BIT} when it is a prompt-instruction word.
     * Branch-free apart from the hash-0 test (a hash of 0 behaves as in the former linear-probe table: the
     * entry of {@link #NUM}).
     */
    long entry(long tokenHash) {
        if (tokenHash == 0) {
            return numEntry;
        }
        long[] t = vocab;
        int mask = (t.length >> 1) - 1;
        int i = (vocabSlot(tokenHash) & mask) << 1;
        int j = (vocabSlot2(tokenHash) & mask) << 1;
        long e = t[i] == tokenHash ? t[i + 1] : MISS;
        return t[j] == tokenHash ? t[j + 1] : e;
    }

    /** Entry of an all-digit token: id {@link #NUM}, with the instruction flag of that id. */
    long numEntry() {
        return numEntry;
    }

    /** Token id of a token hash, or -1 when the word is not in the vocabulary. */
    int id(long tokenHash) {
        return (int) entry(tokenHash);
    }

    /** Child of a trie node along a token id, or -1. */
    int child(int node, int id) {
        if (node == 0) {
            return id >= 0 && id < rootChildren.length ? rootChildren[id] : -1;
        }
        if (node >= childMask.length || (childMask[node] & 1L << (id & 63)) == 0) {
            return -1;
        }
        long key = edgeKey(node, id);
        long[] keys = trieKeys;
        int mask = keys.length - 1;
        int i = edgeSlot(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return trieVals[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Features whose phrase ends at this node, or null. */
    int[] terminal(int node) {
        return node < terminal.length ? terminal[node] : null;
    }

    /** Union of the cue groups of the features ending at this node; 0 when none end there. */
    long terminalGroups(int node) {
        return node < terminalGroups.length ? terminalGroups[node] : 0;
    }

    /** Cue groups of a feature (as {@link Feature#groups()}, without the record lookup). */
    long featureGroups(int id) {
        return featureGroups[id];
    }

    /** Family ordinal of a feature (as {@link Feature#family()}, without the record lookup). */
    int featureFamily(int id) {
        return featureFamily[id];
    }

    /** Weight of a feature (as {@link Feature#weight()}, without the record lookup). */
    double featureWeight(int id) {
        return featureWeight[id];
    }

    boolean isInstruction(int id) {
        return id >= 0 && id < instruction.length && instruction[id];
    }

    Feature feature(int id) {
        return features.get(id);
    }

    int featureCount() {
        return features.size();
    }

    List<Feature> features() {
        return List.copyOf(features);
    }

    /** Number of token ids (words of the vocabulary, id 0 = {@link #NUM} included). */
    int wordCount() {
        return words.size();
    }

    String word(int id) {
        return words.get(id);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
