package io.distillguard.profile;

/**
 * Release times of models, as the profile sees them: from the models file when given, otherwise
 * inferred from the first time the model is seen in the traffic.
 */
public interface ModelCatalog {

    /** Returned by {@link #releasedAt(long)} for a model it does not know. */
    long UNKNOWN = Long.MIN_VALUE;

    /**
     * Release time of the model whose name hashes ({@link Hashes#of(String)}) to {@code modelHash}, epoch
     * ms, or {@link #UNKNOWN}.
     */
    long releasedAt(long modelHash);

    /**
     * Models released before this time (epoch ms) count as "already there" when the traffic starts and
     * are never treated as a new release; {@link #UNKNOWN} when no traffic has been seen.
     */
    long newReleaseAfter();

    /** A catalog that knows no model. */
    ModelCatalog NONE = new ModelCatalog() {
        @Override
        public long releasedAt(long modelHash) {
            return UNKNOWN;
        }

        @Override
        public long newReleaseAfter() {
            return UNKNOWN;
        }
    };
}
