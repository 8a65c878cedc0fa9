package io.distillguard.model;

/** Speaker of a turn after normalisation. OpenAI {@code developer} maps to {@link #SYSTEM}. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;
}
