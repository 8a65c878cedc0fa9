/**
 * The immutable data model shared by every stage: one normalised {@link io.distillguard.model.Exchange}
 * per API request, whatever provider body shape it arrived in, plus the optional
 * {@link io.distillguard.model.Account} and {@link io.distillguard.model.ModelRelease} records of the
 * exchange log format v1 ({@code docs/spec/exchange-log-v1.md}).
 *
 * <p>Conventions: times are epoch milliseconds (UTC); an absent optional number is {@code -1}
 * (counts, tokens) or {@code null} (boxed values where -1 is a legal value); an absent optional
 * string is {@code null}; lists are never null and are unmodifiable.
 */
package io.distillguard.model;
