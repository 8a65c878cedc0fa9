package io.distillguard.signals;

/** Coarse capability category an exchange exercises. */
public enum Capability {
    MATH_REASONING, CODING, AGENTIC, WRITING, KNOWLEDGE_QA, GRADING, CHIT_CHAT, OTHER;

    /** Lower-case name used in outputs, e.g. {@code math_reasoning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
