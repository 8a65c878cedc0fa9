package io.distillguard.sim.baseline;

import io.distillguard.model.Exchange;

/** Per-account facts every baseline reports: exchange count and the first flag. Fixed size. */
class AccountTally {

    final String accountId;
    long exchanges;
    long tokens;
    Long firstFlagMillis;
    long exchangesAtFlag = -1;

    AccountTally(String accountId) {
        this.accountId = accountId;
    }

    /** Counts one exchange of this account. */
    void count(Exchange e) {
        exchanges++;
        tokens += tokens(e);
    }

    /** Marks the account flagged at {@code tsMillis} unless it already was. */
    void flagAt(long tsMillis) {
        if (firstFlagMillis == null) {
            firstFlagMillis = tsMillis;
            exchangesAtFlag = exchanges;
        }
    }

    /** Billed tokens of an exchange: input plus output (output includes reasoning); absent counts are 0. */
    static long tokens(Exchange e) {
        return Math.max(0, e.usage().inputTokens()) + (long) Math.max(0, e.usage().outputTokens());
    }
}
