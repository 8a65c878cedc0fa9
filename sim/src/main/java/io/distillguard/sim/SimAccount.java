package io.distillguard.sim;

import io.distillguard.model.Api;

/**
 * A simulated billing account: what accounts.jsonl says about it, its ground-truth label and the
 * fixed traits its traffic is drawn with (client library, network, time zone, model habits).
 */
final class SimAccount {

    /** Where the account's requests come from; called once per request. */
    interface Network {
        /** The range the next request comes from; {@code ipOut[0]} receives the address. */
        IpRanges.Range next(java.util.SplittableRandom r, String[] ipOut);
    }

    final String id;
    final String label;
    final String campaign;
    final String persona;

    long createdAt;
    String emailDomain;
    String emailShape;
    String paymentFingerprint;
    String paymentBin;
    String billingCountry;
    String declaredCountry;
    String program = "standard";
    Boolean verified;
    String signupIp;
    String orgId;

    Clients.Client client;
    Api api;
    String[] keyIds;
    Network network;
    /** Hours east of UTC of the account's local time. */
    double tzOffset;
    /** Uses the small model before adopting the new release. */
    boolean prefersMini;
    /** When the account starts sending to the newly released model; Long.MAX_VALUE for never. */
    long adoptAt = Long.MAX_VALUE;
    /** Share of this account's events that carry no {@code api} field (the gateway did not log it). */
    double apiOmitShare;

    SimAccount(String id, String label, String campaign, String persona) {
        this.id = id;
        this.label = label;
        this.campaign = campaign;
        this.persona = persona;
    }
}
