package io.distillguard.findings;

/**
 * A histogram of exchanges over time.
 *
 * @param startMillis start of the first bucket, epoch ms UTC
 * @param bucketMillis width of each bucket in ms (&gt; 0)
 * @param counts exchanges per bucket
 */
public record Activity(long startMillis, long bucketMillis, long[] counts) {

    public Activity {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucketMillis must be > 0: " + bucketMillis);
        }
        counts = counts == null ? new long[0] : counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** An empty histogram. */
    public static Activity empty() {
        return new Activity(0, 3_600_000L, new long[0]);
    }
}
