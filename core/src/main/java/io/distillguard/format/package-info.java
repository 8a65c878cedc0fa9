/**
 * Reading the exchange log format v1 ({@code docs/spec/exchange-log-v1.md}): {@link
 * io.distillguard.format.ExchangeLogReader} streams events, accounts and models files
 * ({@code .jsonl} / {@code .jsonl.gz}) into {@link io.distillguard.model.Exchange},
 * {@link io.distillguard.model.Account} and {@link io.distillguard.model.ModelRelease}; rejected lines
 * go to a {@link io.distillguard.format.RejectSink} (e.g. {@link io.distillguard.format.RejectedLinesWriter})
 * with a {@link io.distillguard.format.RejectReason}.
 *
 * <p>Normalisation rules, the same for the three body shapes so that the same conversation sent
 * through different APIs yields the same view:
 * <ul>
 * <li>System text: Anthropic {@code system} (string or text blocks), Responses {@code instructions},
 *     and every {@code system} / {@code developer} message (in Chat, Anthropic or Responses input),
 *     joined with {@code "\n"} in the order they appear in the line. These never become turns.</li>
 * <li>Turns: one per message. Tool results are always TOOL turns, one per result: Chat
 *     {@code role: tool}, each Anthropic {@code tool_result} block (taken out of its user message
 *     and placed before the rest of it; the user turn remains only if it has other content) and
 *     each Responses {@code *_call_output} item (text = the output string or its text parts).
 *     Assistant tool calls (Chat {@code tool_calls} / {@code function_call}, Anthropic
 *     {@code tool_use}, Responses {@code function_call} and other {@code *_call} items) are listed by
 *     tool name on the assistant turn; consecutive Responses call items join the preceding assistant
 *     turn. Other Responses items ({@code reasoning}, {@code item_reference}, ...) are recorded as
 *     part types on an assistant turn.</li>
 * <li>Text: {@code text}, {@code input_text} and {@code output_text} parts joined with {@code "\n"};
 *     images and documents ({@code image_url}, {@code image}, {@code input_image}, {@code document},
 *     {@code input_file}, {@code file}) are counted, their data never read. Unknown block types are
 *     kept as opaque part types with any {@code text} they carry. Replayed {@code thinking} /
 *     {@code redacted_thinking} blocks are recorded as part types, their text dropped.</li>
 * <li>Last user text / prior turns: the text of the last USER turn (tool results are not user
 *     turns), and its index in the turns (0 when there is no user turn).</li>
 * <li>Reasoning: effort from Chat {@code reasoning_effort}, Responses {@code reasoning.effort} or
 *     Anthropic {@code output_config.effort}, lower-cased, any value kept; budget from
 *     {@code thinking.budget_tokens}; type from {@code thinking.type}.</li>
 * <li>Structured output: Chat {@code response_format}, Responses {@code text.format}, Anthropic
 *     {@code output_format} / {@code output_config.format}.</li>
 * <li>API shape: the {@code api} field when present; else inferred from the body's keys
 *     ({@code input}/{@code instructions} → Responses; {@code system}, {@code thinking},
 *     {@code tool_use}/{@code tool_result} blocks, {@code top_k}... → Anthropic; otherwise a body
 *     with {@code messages} → Chat).</li>
 * </ul>
 */
package io.distillguard.format;
