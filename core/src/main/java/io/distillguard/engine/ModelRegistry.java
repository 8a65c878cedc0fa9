package io.distillguard.engine;

import io.distillguard.model.ModelRelease;
import io.distillguard.profile.Hashes;
import io.distillguard.profile.ModelCatalog;
import java.util.HashMap;
import java.util.Map;

/**
 * Model release times: from the models file when given, otherwise inferred as the first time a model is
 * seen in the traffic. An inferred model first seen within {@link #INFERENCE_GRACE_MS} of the start of the
 * traffic was probably already there, so it is not treated as a release inside the window.
 */
final class ModelRegistry implements ModelCatalog {

    /** Models first seen this soon after the traffic starts are not "new releases" when inferred. */
    static final long INFERENCE_GRACE_MS = 24 * 3_600_000L;

    private final Map<Long, Long> declared = new HashMap<>();
    private final Map<Long, Long> firstSeen = new HashMap<>();
    private long trafficStart = Long.MAX_VALUE;
    private static final int SEEN_CACHE_BITS = 4;
    /**
     * Direct-mapped cache of {@link #seen}: model hash and the earliest time known for it, so a later
     * exchange of the model returns at once (a model is declared or not for good, and a later time never
     * lowers the minimum). Slot empty while its key is 0, which {@link #seen} never caches.
     */
    private final long[] seenKeys = new long[1 << SEEN_CACHE_BITS];
    private final long[] seenMin = new long[1 << SEEN_CACHE_BITS];

    void declare(ModelRelease m) {
        declared.put(Hashes.of(m.model()), m.releasedAtMillis());
    }

    void seen(long modelHash, long ts) {
        trafficStart = Math.min(trafficStart, ts);
        if (modelHash == 0) {
            return;
        }
        int slot = (int) (modelHash * 0x9E3779B97F4A7C15L >>> (64 - SEEN_CACHE_BITS));
        if (seenKeys[slot] == modelHash && ts >= seenMin[slot]) {
            return; // the maps would not change: called once per exchange, this skips two boxed lookups
        }
        long min;
        if (declared.containsKey(modelHash)) {
            min = Long.MIN_VALUE; // declared models never get a first-seen time
        } else {
            min = firstSeen.merge(modelHash, ts, Math::min);
        }
        seenKeys[slot] = modelHash;
        seenMin[slot] = min;
    }

    boolean hasDeclared() {
        return !declared.isEmpty();
    }

    @Override
    public long releasedAt(long modelHash) {
        Long d = declared.get(modelHash);
        if (d != null) {
            return d;
        }
        Long f = firstSeen.get(modelHash);
        if (f == null || trafficStart == Long.MAX_VALUE || f - trafficStart < INFERENCE_GRACE_MS) {
            return UNKNOWN;
        }
        return f;
    }

    @Override
    public long newReleaseAfter() {
        return trafficStart == Long.MAX_VALUE ? UNKNOWN : trafficStart;
    }
}
