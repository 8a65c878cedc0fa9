package io.distillguard.model;

import java.util.Objects;

/**
 * What is known about a billing account at signup. Every field but {@code accountId} may be null.
 *
 * @param accountId billing account id
 * @param createdAtMillis signup time in epoch ms, or null
 * @param emailDomain lower-case domain of the signup e-mail
 * @param emailLocalShape shape of the e-mail local part, e.g. {@code aaaa.aaaa}, {@code a9999}
 * @param paymentFingerprint opaque id of the payment instrument
 * @param paymentBin first six digits of the card
 * @param billingCountry ISO alpha-2
 * @param declaredCountry ISO alpha-2 declared at signup
 * @param program {@code standard}, {@code education}, {@code research}, {@code startup},
 *     {@code enterprise}, {@code reseller}, or another value as given
 * @param verified passed identity / organisation verification, or null when unknown
 * @param signupIp IP used at signup
 * @param orgId organisation id
 */
public record Account(String accountId, Long createdAtMillis, String emailDomain, String emailLocalShape,
        String paymentFingerprint, String paymentBin, String billingCountry, String declaredCountry,
        String program, Boolean verified, String signupIp, String orgId) {

    public Account {
        Objects.requireNonNull(accountId, "accountId");
    }
}
