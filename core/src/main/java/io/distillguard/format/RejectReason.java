package io.distillguard.format;

/**
 * The fixed set of reasons a line is rejected. {@link #code()} is the string written to
 * {@code rejected.jsonl} and used as key of {@link ReadStats#rejectsByReason()}.
 */
public enum RejectReason {
    /** The line is not well-formed JSON (syntax error, truncated, trailing content). */
    NOT_JSON("not_json"),
    /** The line's bytes are not valid UTF-8 (bad sequence, overlong form, surrogate, beyond U+10FFFF). */
    INVALID_UTF8("invalid_utf8"),
    /** The line is longer than the configured maximum (default 4 MiB); it was skipped, not buffered. */
    LINE_TOO_LONG("line_too_long"),
    /** JSON nesting deeper than the configured maximum (default 64). */
    TOO_DEEP("too_deep"),
    /** The line is JSON but not an object (array, string, number...). */
    NOT_OBJECT("not_object"),
    /** A required field is absent or null, or a required id ({@code id}, {@code account_id}, {@code model}) is empty. */
    MISSING_FIELD("missing_field"),
    /** A required field has the wrong JSON type (e.g. {@code request} is a string). */
    WRONG_TYPE("wrong_type"),
    /**
     * A timestamp is neither RFC 3339 with an offset nor an integer of epoch milliseconds between
     * 1973-03-03 and 9999-12-31 (smaller integers are taken for epoch seconds and refused).
     */
    BAD_TIMESTAMP("bad_timestamp"),
    /**
     * The {@code api} field names a body shape this version does not know, or it is absent and the
     * request body matches none of the known shapes (neither {@code messages} nor {@code input}).
     */
    UNKNOWN_API("unknown_api"),
    /** A bug in the reader (an unexpected exception); should never appear. Reported, never fatal. */
    INTERNAL_ERROR("internal_error");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The reason code as written in reports, e.g. {@code line_too_long}. */
    public String code() {
        return code;
    }
}
