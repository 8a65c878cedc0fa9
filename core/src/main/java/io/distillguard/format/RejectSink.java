package io.distillguard.format;

/**
 * Receives the lines the reader rejected. Called on the reading thread, in line order.
 * Implementations must not throw for ordinary rejections; an exception thrown here aborts the read.
 */
@FunctionalInterface
public interface RejectSink {

    /** A sink that ignores every rejection (they are still counted in {@link ReadStats}). */
    RejectSink NONE = r -> { };

    /** Called once per rejected line. */
    void reject(Rejection rejection);
}
