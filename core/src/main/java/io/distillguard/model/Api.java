package io.distillguard.model;

/** The provider-native request body shape of an exchange. */
public enum Api {
    OPENAI_CHAT("openai.chat"),
    OPENAI_RESPONSES("openai.responses"),
    ANTHROPIC_MESSAGES("anthropic.messages");

    private final String wireName;

    Api(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the {@code api} field of the log format, e.g. {@code openai.chat}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses the wire name.
     *
     * @return the matching shape, or {@code null} when the name is unknown
     */
    public static Api fromWireName(String name) {
        for (Api a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
