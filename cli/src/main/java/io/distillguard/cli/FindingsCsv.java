package io.distillguard.cli;

/** CSV quoting shared by the CLI's extra output files. */
final class FindingsCsv {

    private FindingsCsv() {
    }

    /** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
