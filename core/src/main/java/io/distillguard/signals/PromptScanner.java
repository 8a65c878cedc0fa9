package io.distillguard.signals;

/**
 * Single-pass tokeniser over a bounded window of a prompt, feeding two token streams into a
 * per-thread {@link Scratch}:
 *
 * <ul>
 *   <li>the <em>lexicon stream</em>: one vocabulary id per word ({@code -1} for words outside the
 *       lexicon, {@link Lexicon#NUM} for numbers), code-block contents excluded;</li>
 *   <li>the <em>skeleton stream</em>: one 64-bit token hash per word with the variable parts
 *       masked (numbers, quoted strings, fenced code, URLs, e-mail addresses, capitalised names
 *       inside a sentence), input to the template SimHash.</li>
 * </ul>
 *
 * <p>Only the first {@code head} and last {@code tail} chars are read, so the cost per exchange is
 * bounded whatever the prompt length. Lower-casing is done per char (ASCII fast path), no strings
 * are allocated.
 */
final class PromptScanner {

    static final long MASK_NUM = 0x6e756d5f6d61736bL;
    static final long MASK_QUOTE = 0x71756f74655f6d6bL;
    static final long MASK_CODE = 0x636f64655f6d736bL;
    static final long MASK_URL = 0x75726c5f6d61736bL;
    static final long MASK_EMAIL = 0x656d61696c5f6d6bL;
    static final long MASK_NAME = 0x6e616d655f6d736bL;
    static final long MASK_GAP = 0x6761705f6d61736bL;
    static final long MASK_VAR = 0x7661725f6d61736bL;

    /** Longest quoted span (in words) that is treated as a variable payload and masked. */
    static final int MAX_QUOTE_WORDS = 40;

    /** Weight of a prompt-instruction word in the skeleton (other words 1). */
    static final int INSTRUCTION_WEIGHT = 8;

    private final Lexicon lex;

    PromptScanner(Lexicon lex) {
        this.lex = lex;
    }

    /**
     * Scans the head and tail windows of {@code s} and sets {@link Scratch#exactHash} to
     * {@link ContentAnalyzer#exactHash(String) exactHash(s)}.
     *
     * <p>The exact hash is a serial multiply chain over every char of {@code s}; it is computed inside the
     * window loop (an out-of-order core runs it next to the scanner's own per-word chain, so it costs
     * little there) and by a plain loop over the chars between the windows only.
     */
    void scan(String s, int head, int tail, Scratch sc) {
        sc.exactStart();
        int n = s.length();
        if (n <= head + tail) {
            scanRange(sc.chars(s, 0, n), 0, n, sc.charCount, sc);
        } else {
            scanRange(sc.chars(s, 0, head), 0, head, sc.charCount, sc);
            exactMiddle(s, head, n - tail, sc);
            sc.addId(-1);
            sc.addSim(MASK_GAP, 1);
            scanRange(sc.chars(s, n - tail, n), 0, tail, sc.charCount, sc);
        }
        sc.exactFinish();
    }

    /** Feeds {@code s[from, to)} (never scanned for words) to the exact hash, in chunks of the char buffer. */
    private static void exactMiddle(String s, int from, int to, Scratch sc) {
        char[] buf = sc.chars;
        for (int i = from; i < to; i += buf.length) {
            int end = Math.min(to, i + buf.length);
            s.getChars(i, end, buf, 0);
            exactRange(buf, 0, end - i, sc);
        }
    }

    /**
     * Feeds {@code s[from, to)} to the exact-hash state of {@code sc}; the same step as
     * {@link ContentAnalyzer#exactHash(String)} (whitespace runs collapse to one space, chars lower-cased).
     */
    static void exactRange(char[] s, int from, int to, Scratch sc) {
        long h = sc.exH;
        boolean any = sc.exAny;
        boolean pending = sc.exPending;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c <= ' ' || (c > 127 && Character.isWhitespace(c))) {
                pending = any;
                continue;
            }
            if (pending) {
                h = Lexicon.hashStep(h, ' ');
                pending = false;
            }
            char l = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
            h = Lexicon.hashStep(h, l);
            any = true;
        }
        sc.exH = h;
        sc.exAny = any;
        sc.exPending = pending;
    }

    /** {@link #CHAR_CLASS} bits: ASCII lower-case letter, upper-case letter, digit; other (non-ASCII) letter or digit. */
    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int DIGIT = 4;
    private static final int OTHER_ALNUM = 8;
    /** Class of each ASCII char (0 = not a word char): one load instead of three range tests per char. */
    private static final byte[] CHAR_CLASS = new byte[128];

    /**
     * ASCII separators that are not whitespace and have no case in the separator switch of
     * {@link #scanRange} (keep the two in step): they skip the switch, a binary search over its cases.
     */
    private static final boolean[] PLAIN_SEPARATOR = new boolean[128];

    static {
        for (char c : ",'-&#$|~\\".toCharArray()) {
            PLAIN_SEPARATOR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CHAR_CLASS[c] = LOWER;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CHAR_CLASS[c] = UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CHAR_CLASS[c] = DIGIT;
        }
    }

    /**
     * Scans {@code s[from, to)}. Only a URL prefix test looks further, up to {@code limit} (the chars of the
     * prompt that follow the window, see {@link Scratch#chars}).
     *
     * <p>Cost: about 5-8 ns per char on the 2.6 GHz reference machine. A word is consumed by a tight inner
     * loop that keeps only the two hash chains (token hash and exact hash) and the char class in registers,
     * so the two serial multiply chains overlap; the per-word and per-separator bookkeeping runs once per
     * word boundary. That bookkeeping, not the chars, is most of the cost on prose (skipping it halves the
     * time), so it avoids unpredictable branches: one branch-free {@link Lexicon#entry vocabulary lookup}
     * gives the token id and the instruction weight, the stream fill levels live in locals, and a plain
     * space skips the separator switch.
     */
    private void scanRange(char[] s, int from, int to, int limit, Scratch sc) {
        boolean sentenceStart = true;
        boolean chunkStart = true;
        boolean inCode = false;
        boolean inQuote = false;
        int quoteSimPos = 0;
        int quoteWords = 0;
        // the token streams' fill levels and counters stay in locals for the loop (stored back at the end)
        int simN = sc.simCount;
        int idN = sc.idCount;
        int words = sc.words;
        long[] sim = sc.sim;
        byte[] simWeight = sc.simWeight;
        int[] ids = sc.ids;
        int chunkSimPos = simN;
        int backticks = 0;
        int braceDepth = 0;
        int braceSimPos = 0;
        // exact-hash state (see exactRange), in locals for the loop
        long exH = sc.exH;
        boolean exAny = sc.exAny;
        boolean exPending = sc.exPending;
        int i = from;
        while (i < to) {
            char c = s[i];
            int cls = c < 128 ? CHAR_CLASS[c] : Character.isLetterOrDigit(c) ? OTHER_ALNUM : 0;
            if (cls != 0) {
                char lower = c < 128 ? (char) (c + ((cls & UPPER) << 4)) : Character.toLowerCase(c);
                if (chunkStart) {
                    chunkStart = false;
                    chunkSimPos = simN;
                    if ((lower == 'h' || lower == 'w') && !inCode && isUrl(s, i, limit)) {
                        int end = skipChunk(s, i, to);
                        // the skipped chars still count for the exact hash
                        sc.exH = exH;
                        sc.exAny = exAny;
                        sc.exPending = exPending;
                        exactRange(s, i, end, sc);
                        exH = sc.exH;
                        exAny = sc.exAny;
                        exPending = sc.exPending;
                        i = end;
                        simN = addSim(sim, simWeight, simN, MASK_URL, 1);
                        sc.urls++;
                        sentenceStart = false;
                        chunkStart = true; // next char is whitespace
                        continue;
                    }
                }
                if (exPending) {
                    exH = Lexicon.hashStep(exH, ' ');
                    exPending = false;
                }
                exAny = true;
                boolean upperFirst = c != lower;
                long h = Lexicon.hashStart();
                int orCls = 0;
                int start = i;
                while (true) {
                    orCls |= cls;
                    h = Lexicon.hashStep(h, lower);
                    exH = Lexicon.hashStep(exH, lower);
                    if (++i >= to) {
                        break;
                    }
                    c = s[i];
                    if (c < 128) {
                        cls = CHAR_CLASS[c];
                        if (cls == 0) {
                            break;
                        }
                        lower = (char) (c + ((cls & UPPER) << 4));
                    } else {
                        if (!Character.isLetterOrDigit(c)) {
                            break;
                        }
                        cls = OTHER_ALNUM;
                        lower = Character.toLowerCase(c);
                    }
                }
                boolean digitsOnly = (orCls & ~DIGIT) == 0;
                boolean hasDigit = (orCls & DIGIT) != 0;
                if (i >= to) {
                    // the window ends inside the word
                    if (!inCode) {
                        long entry = digitsOnly ? lex.numEntry() : lex.entry(h);
                        idN = addId(ids, idN, (int) entry);
                        words++;
                        simN = addSim(sim, simWeight, simN, hasDigit ? MASK_NUM : h, weight(entry));
                    }
                    break;
                }
                if (inCode) {
                    sc.codeWords++;
                } else {
                    long entry = digitsOnly ? lex.numEntry() : lex.entry(h);
                    int id = (int) entry;
                    idN = addId(ids, idN, id);
                    words++;
                    if (digitsOnly) {
                        sc.numbers++;
                    }
                    if (braceDepth == 0) {
                        if (hasDigit) {
                            simN = addSim(sim, simWeight, simN, MASK_NUM, 1);
                        } else if (upperFirst && !sentenceStart && id < 0 && i - start > 1) {
                            simN = addSim(sim, simWeight, simN, MASK_NAME, 1);
                        } else {
                            simN = addSim(sim, simWeight, simN, h, weight(entry));
                        }
                    }
                    if (inQuote && ++quoteWords > MAX_QUOTE_WORDS) {
                        inQuote = false;
                    }
                    sentenceStart = false;
                }
            }
            // c = s[i] is a separator
            if (c == ' ') {
                // the most common separator: only the exact-hash and chunk state change, no switch needed
                exPending = exAny;
                backticks = 0;
                chunkStart = true;
                if (braceDepth > 0 && simN - braceSimPos > MAX_QUOTE_WORDS) {
                    braceDepth = 0; // as at the end of the loop body
                }
                i++;
                continue;
            }
            if (c < 128 && PLAIN_SEPARATOR[c]) {
                // punctuation without an action below: only the exact hash and the chunk state change
                if (exPending) {
                    exH = Lexicon.hashStep(exH, ' ');
                    exPending = false;
                }
                exH = Lexicon.hashStep(exH, c);
                exAny = true;
                backticks = 0;
                if (braceDepth > 0 && simN - braceSimPos > MAX_QUOTE_WORDS) {
                    braceDepth = 0; // as at the end of the loop body
                }
                i++;
                continue;
            }
            if (c < 128) {
                if (c <= ' ') {
                    exPending = exAny;
                } else {
                    if (exPending) {
                        exH = Lexicon.hashStep(exH, ' ');
                        exPending = false;
                    }
                    exH = Lexicon.hashStep(exH, c);
                    exAny = true;
                }
            } else if (Character.isWhitespace(c)) {
                exPending = exAny;
            } else {
                if (exPending) {
                    exH = Lexicon.hashStep(exH, ' ');
                    exPending = false;
                }
                exH = Lexicon.hashStep(exH, Character.toLowerCase(c));
                exAny = true;
            }
            if (c != '`') {
                backticks = 0;
            }
            switch (c) {
                case ' ', '\t', '\r' -> chunkStart = true;
                case '\n' -> {
                    chunkStart = true;
                    sentenceStart = true;
                    sc.newlines++;
                    if (i + 4 < to && (s[i + 1] == '\t' || startsWith(s, i + 1, to, "    "))) {
                        sc.indentedLines++;
                    }
                    if (i + 2 < to && s[i + 1] >= 'A' && s[i + 1] <= 'E'
                            && (s[i + 2] == '.' || s[i + 2] == ')')) {
                        sc.optionLines++;
                    }
                }
                case '_' -> {
                    if (i > from && i + 1 < to && Character.isLetterOrDigit(s[i - 1])
                            && Character.isLetterOrDigit(s[i + 1])) {
                        sc.snakeCase++;
                    }
                }
                case '(', ')' -> sc.parens++;
                case '`' -> {
                    if (++backticks == 3) {
                        backticks = 0;
                        sc.fences++;
                        inCode = !inCode;
                        if (inCode) {
                            simN = addSim(sim, simWeight, simN, MASK_CODE, 1);
                        }
                    }
                }
                case '"', '\u201c', '\u201d' -> {
                    if (!inCode) {
                        if (inQuote) {
                            simN = quoteSimPos;
                            simN = addSim(sim, simWeight, simN, MASK_QUOTE, 1);
                            inQuote = false;
                        } else {
                            inQuote = true;
                            quoteSimPos = simN;
                            quoteWords = 0;
                        }
                    }
                }
                case '@' -> {
                    if (!inCode && i > from && i + 1 < to && isWordChar(s[i - 1])
                            && isWordChar(s[i + 1]) && chunkSimPos <= simN) {
                        simN = chunkSimPos;
                        simN = addSim(sim, simWeight, simN, MASK_EMAIL, 1);
                        sc.emails++;
                        int end = skipChunk(s, i, to);
                        sc.exH = exH;
                        sc.exAny = exAny;
                        sc.exPending = exPending;
                        exactRange(s, i + 1, end, sc);
                        exH = sc.exH;
                        exAny = sc.exAny;
                        exPending = sc.exPending;
                        i = end - 1;
                        chunkStart = true;
                    }
                }
                case '[' -> {
                    if (i > from && s[i - 1] == '[') {
                        sc.doubleBrackets++;
                    }
                }
                case '{' -> {
                    sc.codeChars++;
                    // a short {placeholder} or {{variable}} is a template slot: mask it as one token
                    if (braceDepth++ == 0) {
                        braceSimPos = simN;
                    }
                }
                case '}' -> {
                    sc.codeChars++;
                    if (braceDepth > 0 && --braceDepth == 0) {
                        simN = braceSimPos;
                        simN = addSim(sim, simWeight, simN, MASK_VAR, 1);
                    }
                }
                case ';' -> sc.codeChars++;
                case '=', '+', '*', '/', '^', '<', '>', '%', '\u00d7', '\u00f7', '\u221a', '\u03c0', '\u2211', '\u222b',
                        '\u2264', '\u2265', '\u2260' -> sc.mathChars++;
                case '?' -> {
                    sc.questionMarks++;
                    sentenceStart = true;
                }
                case '.', '!', ':' -> sentenceStart = true;
                default -> {
                    if (Character.isWhitespace(c)) {
                        chunkStart = true;
                    }
                }
            }
            if (braceDepth > 0 && simN - braceSimPos > MAX_QUOTE_WORDS) {
                braceDepth = 0; // not a placeholder: a code block or JSON body
            }
            i++;
        }
        sc.simCount = simN;
        sc.idCount = idN;
        sc.words = words;
        sc.exH = exH;
        sc.exAny = exAny;
        sc.exPending = exPending;
    }

    /** Appends a token id to {@code ids} (dropped when full, as {@link Scratch#addId}); returns the new count. */
    private static int addId(int[] ids, int n, int id) {
        if (n < Scratch.MAX_IDS) {
            ids[n++] = id;
        }
        return n;
    }

    /** Appends a skeleton token (dropped when full, as {@link Scratch#addSim}); returns the new count. */
    private static int addSim(long[] sim, byte[] simWeight, int n, long h, int weight) {
        if (n < Scratch.MAX_IDS) {
            sim[n] = h;
            simWeight[n] = (byte) weight;
            n++;
        }
        return n;
    }

    /** Skeleton weight of a word from its {@linkplain Lexicon#entry vocabulary entry}, without a branch. */
    private static int weight(long entry) {
        return 1 + (INSTRUCTION_WEIGHT - 1) * (int) ((entry & Lexicon.INSTRUCTION_BIT) >>> 32);
    }


    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /**
     * Whether a URL starts at {@code i}. The prefix may run past the end of the scanned window (as
     * {@code String.startsWith} on the whole prompt would), up to {@code limit}.
     */
    private static boolean isUrl(char[] s, int i, int limit) {
        return startsWith(s, i, limit, "http://") || startsWith(s, i, limit, "https://")
                || startsWith(s, i, limit, "HTTP://") || startsWith(s, i, limit, "HTTPS://")
                || startsWith(s, i, limit, "www.") || startsWith(s, i, limit, "WWW.");
    }

    private static boolean startsWith(char[] s, int i, int to, String prefix) {
        int n = prefix.length();
        if (i + n > to) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipChunk(char[] s, int i, int to) {
        while (i < to && !Character.isWhitespace(s[i])) {
            i++;
        }
        return i;
    }

    /** Per-thread mutable state of one analysis; reset before each exchange. */
    static final class Scratch {
        static final int MAX_IDS = 2048;

        /** Longest prefix {@link #isUrl} tests ("https://"). */
        static final int URL_LOOKAHEAD = 8;

        /** Chars of the window being scanned (plus up to {@link #URL_LOOKAHEAD} after it); grown on demand. */
        char[] chars = new char[4096];
        /** Chars valid in {@link #chars}. */
        int charCount;

        final int[] ids = new int[MAX_IDS];
        int idCount;
        final long[] sim = new long[MAX_IDS];
        final byte[] simWeight = new byte[MAX_IDS];
        final long[] lanes = new long[16];
        int simCount;

        int words;
        int numbers;
        int codeWords;
        int fences;
        int codeChars;
        int mathChars;
        int questionMarks;
        int newlines;
        int doubleBrackets;
        int urls;
        int indentedLines;
        int optionLines;
        int snakeCase;
        int parens;
        int emails;

        /** Exact hash of the text last scanned (set by {@link PromptScanner#scan}). */
        long exactHash;
        // running exact-hash state of the text being scanned
        long exH;
        boolean exAny;
        boolean exPending;

        // phrase matching state
        int[] stamp;
        int generation;
        int[] fired;
        int firedCount;
        long groups;
        final int[] familyHits = new int[Lexicon.Family.values().length];
        /** Per scoring family (COT..TOOL): product of (1 - weight) of the cues that fired. */
        final double[] keep = new double[Lexicon.Family.TOOL.ordinal() + 1];
        /** Word position at which each cue group last fired in the current text. */
        final int[] groupPos = new int[64];
        /** Bit r set when windowed rule r was satisfied. */
        long rulesMet;

        Scratch(int features) {
            stamp = new int[features];
            fired = new int[features];
        }

        /**
         * Copies {@code s[from, to)} and up to {@link #URL_LOOKAHEAD} following chars into {@link #chars}
         * (an indexed array read is cheaper than {@code String.charAt} in the per-char loop); sets
         * {@link #charCount}.
         */
        char[] chars(String s, int from, int to) {
            int end = Math.min(s.length(), to + URL_LOOKAHEAD);
            int len = end - from;
            if (len > chars.length) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            s.getChars(from, end, chars, 0);
            charCount = len;
            return chars;
        }

        void addId(int id) {
            if (idCount < MAX_IDS) {
                ids[idCount++] = id;
            }
        }

        void addSim(long h, int weight) {
            if (simCount < MAX_IDS) {
                sim[simCount] = h;
                simWeight[simCount] = (byte) weight;
                simCount++;
            }
        }

        void exactStart() {
            exH = Lexicon.hashStart();
            exAny = false;
            exPending = false;
        }

        void exactFinish() {
            if (!exAny) {
                exactHash = 0;
            } else {
                long h = Lexicon.mix(exH);
                exactHash = h == 0 ? 1 : h;
            }
        }

        void resetText() {
            idCount = 0;
            simCount = 0;
            java.util.Arrays.fill(groupPos, Integer.MIN_VALUE / 2);
        }

        void resetAll() {
            resetText();
            words = 0;
            numbers = 0;
            codeWords = 0;
            fences = 0;
            codeChars = 0;
            mathChars = 0;
            questionMarks = 0;
            newlines = 0;
            doubleBrackets = 0;
            urls = 0;
            indentedLines = 0;
            optionLines = 0;
            snakeCase = 0;
            parens = 0;
            emails = 0;
            firedCount = 0;
            groups = 0;
            rulesMet = 0;
            java.util.Arrays.fill(familyHits, 0);
            if (++generation == Integer.MAX_VALUE) {
                generation = 1;
                java.util.Arrays.fill(stamp, 0);
            }
        }
    }
}
