package io.distillguard.model;

/** What structured output the request asked for. */
public enum StructuredOutput {
    /** Free text. */
    NONE,
    /** Any JSON object ({@code response_format: json_object}). */
    JSON_OBJECT,
    /** JSON conforming to a supplied schema ({@code json_schema}, {@code text.format}, {@code output_format}). */
    JSON_SCHEMA;
}
