package io.distillguard.signals;

/**
 * The scanner as it was before its per-word bookkeeping was made branch-light (linear-probe vocabulary
 * lookups, counters in the scratch, one separator switch for every separator): the reference
 * {@link PromptScannerEquivalenceTest} compares {@link PromptScanner} to. Test code; not maintained for speed.
 *
 * <p>Original description: single-pass tokeniser over a bounded window of a prompt, feeding two token streams into a
 * per-thread {@link PromptScanner.Scratch}:
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
final class ReferencePromptScanner {

    // the production constants, so a changed mask or weight changes both scanners alike
    static final long MASK_NUM = PromptScanner.MASK_NUM;
    static final long MASK_QUOTE = PromptScanner.MASK_QUOTE;
    static final long MASK_CODE = PromptScanner.MASK_CODE;
    static final long MASK_URL = PromptScanner.MASK_URL;
    static final long MASK_EMAIL = PromptScanner.MASK_EMAIL;
    static final long MASK_NAME = PromptScanner.MASK_NAME;
    static final long MASK_GAP = PromptScanner.MASK_GAP;
    static final long MASK_VAR = PromptScanner.MASK_VAR;

    /** Longest quoted span (in words) that is treated as a variable payload and masked. */
    static final int MAX_QUOTE_WORDS = PromptScanner.MAX_QUOTE_WORDS;

    /** Weight of a prompt-instruction word in the skeleton (other words 1). */
    static final int INSTRUCTION_WEIGHT = PromptScanner.INSTRUCTION_WEIGHT;

    private final Lexicon lex;

    ReferencePromptScanner(Lexicon lex) {
        this.lex = lex;
    }

    /**
     * Scans the head and tail windows of {@code s} and sets {@link PromptScanner.Scratch#exactHash} to
     * {@link ContentAnalyzer#exactHash(String) exactHash(s)}.
     *
     * <p>The exact hash is a serial multiply chain over every char of {@code s}; it is computed inside the
     * window loop (an out-of-order core runs it next to the scanner's own per-word chain, so it costs
     * little there) and by a plain loop over the chars between the windows only.
     */
    void scan(String s, int head, int tail, PromptScanner.Scratch sc) {
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
    private static void exactMiddle(String s, int from, int to, PromptScanner.Scratch sc) {
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
    static void exactRange(char[] s, int from, int to, PromptScanner.Scratch sc) {
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

    static {
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
     * prompt that follow the window, see {@link PromptScanner.Scratch#chars}).
     *
     * <p>Cost: about 5-8 ns per char on the 2.6 GHz reference machine. A word is consumed by a tight inner
     * loop that keeps only the two hash chains (token hash and exact hash) and the char class in registers,
     * so the two serial multiply chains overlap; the per-word and per-separator bookkeeping runs once per
     * word boundary.
     */
    private void scanRange(char[] s, int from, int to, int limit, PromptScanner.Scratch sc) {
        boolean sentenceStart = true;
        boolean chunkStart = true;
        boolean inCode = false;
        boolean inQuote = false;
        int quoteSimPos = 0;
        int quoteWords = 0;
        int chunkSimPos = sc.simCount;
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
                    chunkSimPos = sc.simCount;
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
                        sc.addSim(MASK_URL, 1);
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
                        int id = digitsOnly ? Lexicon.NUM : lex.id(h);
                        sc.addId(id);
                        sc.words++;
                        sc.addSim(hasDigit ? MASK_NUM : h, lex.isInstruction(id) ? INSTRUCTION_WEIGHT : 1);
                    }
                    break;
                }
                if (inCode) {
                    sc.codeWords++;
                } else {
                    int id = digitsOnly ? Lexicon.NUM : lex.id(h);
                    sc.addId(id);
                    sc.words++;
                    if (digitsOnly) {
                        sc.numbers++;
                    }
                    if (braceDepth == 0) {
                        if (hasDigit) {
                            sc.addSim(MASK_NUM, 1);
                        } else if (upperFirst && !sentenceStart && id < 0 && i - start > 1) {
                            sc.addSim(MASK_NAME, 1);
                        } else {
                            sc.addSim(h, lex.isInstruction(id) ? INSTRUCTION_WEIGHT : 1);
                        }
                    }
                    if (inQuote && ++quoteWords > MAX_QUOTE_WORDS) {
                        inQuote = false;
                    }
                    sentenceStart = false;
                }
            }
            // c = s[i] is a separator
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
                            sc.addSim(MASK_CODE, 1);
                        }
                    }
                }
                case '"', '\u201c', '\u201d' -> {
                    if (!inCode) {
                        if (inQuote) {
                            sc.simCount = quoteSimPos;
                            sc.addSim(MASK_QUOTE, 1);
                            inQuote = false;
                        } else {
                            inQuote = true;
                            quoteSimPos = sc.simCount;
                            quoteWords = 0;
                        }
                    }
                }
                case '@' -> {
                    if (!inCode && i > from && i + 1 < to && isWordChar(s[i - 1])
                            && isWordChar(s[i + 1]) && chunkSimPos <= sc.simCount) {
                        sc.simCount = chunkSimPos;
                        sc.addSim(MASK_EMAIL, 1);
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
                        braceSimPos = sc.simCount;
                    }
                }
                case '}' -> {
                    sc.codeChars++;
                    if (braceDepth > 0 && --braceDepth == 0) {
                        sc.simCount = braceSimPos;
                        sc.addSim(MASK_VAR, 1);
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
            if (braceDepth > 0 && sc.simCount - braceSimPos > MAX_QUOTE_WORDS) {
                braceDepth = 0; // not a placeholder: a code block or JSON body
            }
            i++;
        }
        sc.exH = exH;
        sc.exAny = exAny;
        sc.exPending = exPending;
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
}
