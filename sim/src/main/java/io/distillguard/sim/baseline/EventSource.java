package io.distillguard.sim.baseline;

import io.distillguard.model.Exchange;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A replayable stream of exchanges: each call to {@link #forEach} is one full pass over the same
 * events in the same order. Baselines that need a fixed threshold before they can time their verdicts
 * make two passes; nothing is buffered between passes.
 */
@FunctionalInterface
public interface EventSource {

    /**
     * Delivers every event to {@code sink}, in the same order on every call.
     *
     * @throws IOException when the underlying file cannot be read
     */
    void forEach(Consumer<Exchange> sink) throws IOException;

    /** A source over events already in memory (tests, small inputs). */
    static EventSource of(List<Exchange> events) {
        List<Exchange> copy = List.copyOf(events);
        return copy::forEach;
    }
}
