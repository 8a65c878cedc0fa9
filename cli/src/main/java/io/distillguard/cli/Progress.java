package io.distillguard.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for long reads: bytes read of the total, items per second
 * and the estimated time left. It stays silent for the first {@link #DEFAULT_DELAY_NANOS} (2 s) so
 * short runs print nothing, redraws at most four times a second, and is entirely silent when
 * disabled (stderr not a terminal, or {@code --quiet}). Not thread-safe: call from the reading thread.
 *
 * <p>Typical use:
 * <pre>{@code
 * Progress p = Progress.onTerminal(quiet, totalBytes, "exchanges");
 * reader = ExchangeLogReader.builder().progress((src, bytes, lines) -> p.update(done + bytes, lines)).build();
 * ...
 * p.finish();
 * }</pre>
 */
public final class Progress {

    /** Nothing is shown before this many nanoseconds (2 s) have passed. */
    public static final long DEFAULT_DELAY_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long totalBytes;
    private final String unit;
    private final LongSupplier nanoTime;
    private final long delayNanos;
    private final long start;
    private long lastDraw;
    private boolean drawn;
    private int lastWidth;

    /**
     * @param err where to draw
     * @param enabled false for a display that never prints
     * @param totalBytes total input size in bytes for the percentage and ETA; {@code <= 0} when unknown
     * @param unit what {@code items} counts, e.g. {@code exchanges}
     * @param nanoTime clock in nanoseconds (injectable for tests)
     * @param delayNanos nothing is drawn before this much time has passed
     */
    public Progress(PrintStream err, boolean enabled, long totalBytes, String unit, LongSupplier nanoTime,
            long delayNanos) {
        this.err = err;
        this.enabled = enabled;
        this.totalBytes = totalBytes;
        this.unit = unit;
        this.nanoTime = nanoTime;
        this.delayNanos = delayNanos;
        this.start = nanoTime.getAsLong();
    }

    /** A display on {@code System.err}, enabled only when a console is attached and not {@code quiet}. */
    public static Progress onTerminal(boolean quiet, long totalBytes, String unit) {
        boolean tty = System.console() != null;
        return new Progress(System.err, tty && !quiet, totalBytes, unit, System::nanoTime, DEFAULT_DELAY_NANOS);
    }

    /** Reports the work done so far: bytes of the total consumed and items processed. Cheap when not redrawing. */
    public void update(long bytesDone, long items) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        long elapsed = now - start;
        if (elapsed < delayNanos || (drawn && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String line = render(bytesDone, items, elapsed);
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            sb.append(' ');
        }
        lastWidth = line.length();
        err.print(sb);
        err.flush();
    }

    /** Ends the display: moves to a fresh line if anything was drawn. */
    public void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    /** True when something has been drawn and not yet finished. */
    public boolean isShowing() {
        return drawn;
    }

    String render(long bytesDone, long items, long elapsedNanos) {
        double secs = Math.max(elapsedNanos / 1e9, 1e-9);
        StringBuilder sb = new StringBuilder();
        sb.append(megabytes(bytesDone));
        if (totalBytes > 0) {
            sb.append(" / ").append(megabytes(totalBytes));
            sb.append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * Math.min(bytesDone, totalBytes) / totalBytes));
        }
        sb.append(String.format(Locale.ROOT, "  %,.0f %s/s", items / secs, unit));
        if (totalBytes > 0 && bytesDone > 0 && bytesDone < totalBytes) {
            long eta = Math.round((totalBytes - bytesDone) * secs / bytesDone);
            sb.append("  ETA ").append(duration(eta));
        }
        return sb.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
