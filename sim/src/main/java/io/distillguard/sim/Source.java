package io.distillguard.sim;

import java.util.function.Consumer;

/**
 * A lazily generated, time-ordered stream of events (one account, or one campaign dispatcher).
 * The simulator merges sources by {@link #next}; a source holds only its own small state.
 */
abstract class Source {

    /** Time of the next event, epoch ms; {@link Long#MAX_VALUE} when exhausted. */
    long next = Long.MAX_VALUE;
    /** Tie-breaker for equal times, fixed at creation so merging is deterministic. */
    long order;

    /** Emits the event due at {@link #next} (zero or one event) and advances {@link #next}. */
    abstract void emit(Consumer<SimEvent> out);
}
