package io.distillguard.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields for the one-record-per-line CSV files of the output contract ({@code accounts.csv},
 * {@code labels.csv}, {@code actions.csv}). Fields never contain line breaks in these files, so a line
 * is a record.
 */
public final class Csv {

    private Csv() {
    }

    /** Quotes a field when it holds a comma, quote or line break; returns it unchanged otherwise. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Splits one line into fields, undoing {@link #quote}. Never fails: an unterminated quote runs to the
     * end of the line.
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
