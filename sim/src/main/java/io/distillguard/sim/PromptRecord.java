package io.distillguard.sim;

import java.util.List;

/**
 * One prompt of a pool, in the shared prompt-pool JSONL format.
 *
 * @param id record id ({@code <source>-<n>})
 * @param text the prompt text, never null
 * @param system the source's system prompt, or null
 * @param source source name
 * @param answer a reference answer when the source has one (gsm8k worked solution, MMLU letter), or null
 * @param turns later user turns of a multi-turn source (MT-Bench), empty when none
 * @param toolsJson JSON array of tool schemas ({@code name}, {@code description}, {@code parameters})
 *     when the source carries them, or null
 * @param topic subject / category when the source has one, or null
 */
public record PromptRecord(String id, String text, String system, String source, String answer,
        List<String> turns, String toolsJson, String topic) {
}
