package io.distillguard.link;

import io.distillguard.model.Account;
import io.distillguard.profile.AccountProfile;
import java.util.Objects;

/**
 * An account as the linker sees it.
 *
 * @param accountId account id
 * @param profile traffic profile, or null when the account sent no exchange
 * @param account signup record, or null when the accounts file does not list it
 */
public record LinkSubject(String accountId, AccountProfile profile, Account account) {

    public LinkSubject {
        Objects.requireNonNull(accountId, "accountId");
    }
}
