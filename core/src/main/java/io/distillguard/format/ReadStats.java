package io.distillguard.format;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one read. Every physical line lands in exactly one bucket:
 * {@code totalLines == accepted + rejected + blank + duplicates}.
 *
 * <p>A physical line is a run of bytes ended by {@code \n}, or the non-empty run after the last
 * {@code \n} (a final newline does not start an extra line). A blank line holds only spaces, tabs
 * and a trailing {@code \r} (and, on line 1, a UTF-8 byte-order mark). A duplicate is a
 * well-formed event whose {@code id} was already accepted within the duplicate window.
 *
 * @param totalLines physical lines seen
 * @param accepted lines turned into records and passed to the sink
 * @param rejected lines rejected (sum of {@code rejectsByReason})
 * @param blank blank lines, skipped silently
 * @param duplicates well-formed events with an already-seen id, skipped
 * @param rejectsByReason rejected lines by {@link RejectReason#code()}, sorted by code; unmodifiable
 * @param bytesRead bytes of the (decompressed) input consumed
 */
public record ReadStats(long totalLines, long accepted, long rejected, long blank, long duplicates,
        Map<String, Long> rejectsByReason, long bytesRead) {

    /** Nothing read. */
    public static final ReadStats EMPTY = new ReadStats(0, 0, 0, 0, 0, Map.of(), 0);

    public ReadStats {
        rejectsByReason = Collections.unmodifiableMap(new TreeMap<>(rejectsByReason));
    }

    /** The counts of this read and {@code other} added together. */
    public ReadStats plus(ReadStats other) {
        Map<String, Long> m = new TreeMap<>(rejectsByReason);
        other.rejectsByReason.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new ReadStats(totalLines + other.totalLines, accepted + other.accepted,
                rejected + other.rejected, blank + other.blank, duplicates + other.duplicates, m,
                bytesRead + other.bytesRead);
    }
}
