/**
 * The scan output contract shared by the detection engine, the baselines, the evaluator and the
 * report: {@link io.distillguard.findings.Findings} and its on-disk form written by
 * {@link io.distillguard.findings.FindingsWriter} and read back by
 * {@link io.distillguard.findings.FindingsReader}.
 *
 * <p>Files in an output folder:
 * <ul>
 *   <li>{@code accounts.csv}: header {@code account_id,score,flagged,cluster_id,first_flag_ts,
 *       exchanges_at_flag,exchanges,top_evidence}; one row per account seen, sorted by account id.
 *       {@code first_flag_ts} is RFC 3339 UTC or empty; {@code top_evidence} is the signal names of
 *       the heaviest evidence items joined with {@code |}.</li>
 *   <li>{@code clusters.json}: {@code {"detector":..., "summary":{...}, "clusters":[...]}}, every
 *       cluster with members, score, evidence, links, activity histogram and capability mix.</li>
 *   <li>{@code evidence.jsonl}: one line per flagged account with its full evidence list.</li>
 * </ul>
 */
package io.distillguard.findings;
