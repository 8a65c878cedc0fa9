package io.distillguard.model;

import java.util.Objects;

/**
 * A model and its public release time.
 *
 * @param model model name as it appears in events
 * @param releasedAtMillis release time, epoch ms UTC
 */
public record ModelRelease(String model, long releasedAtMillis) {

    public ModelRelease {
        Objects.requireNonNull(model, "model");
    }
}
