package io.distillguard.format;

/** Told how far a read has got; called on the reading thread about every 8192 lines and at the end. */
@FunctionalInterface
public interface ReadProgress {

    /** No progress reporting. */
    ReadProgress NONE = (source, fileBytes, lines) -> { };

    /**
     * @param source the file being read
     * @param fileBytesRead bytes read from the file itself so far (compressed bytes for {@code .gz}),
     *     comparable with the file's size
     * @param lines physical lines seen so far in this file
     */
    void progress(String source, long fileBytesRead, long lines);
}
