/**
 * Per-exchange content signals: {@link io.distillguard.signals.ContentAnalyzer} turns one
 * {@link io.distillguard.model.Exchange} into {@link io.distillguard.signals.ContentSignals}
 * (chain-of-thought elicitation, reasoning reconstruction, rubric grading, censorship-safe rewrites,
 * structured Q/A generation, tool use, reasoning parameters, capability category, template
 * fingerprints and exact hashes). Definitions, units, ranges and measured benign baselines are in
 * {@code docs/signals.md}.
 *
 * <p>Implementation: a bounded single-pass scanner ({@code PromptScanner}), a compiled word-trie
 * phrase lexicon with cue groups and windowed conjunction rules ({@code Lexicon},
 * {@code ContentLexicon}) and a weighted SimHash ({@code SimHash}); all package-private.
 */
package io.distillguard.signals;
