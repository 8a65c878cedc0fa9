package io.distillguard.profile;

import io.distillguard.enrich.IpInfo;
import io.distillguard.enrich.NetworkData;
import io.distillguard.model.Exchange;
import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link AccountProfile} takes from one exchange besides its content signals: the time, the
 * hashed client attributes (with their texts, to name new top values in reports), token counts and a few
 * per-exchange flags.
 *
 * <p>Why a separate step: profiles must be updated on one thread in input order, while everything here
 * depends on the exchange alone. {@link #of} hashes the attribute texts, parses the IP prefix and walks
 * the turns on whichever thread made the exchange (in a scan, the parsing workers, where that data is
 * still in the core's cache), so the in-order thread only does counter and sketch updates. The values
 * are exactly those {@link AccountProfile#update(Exchange, io.distillguard.signals.ContentSignals, IpInfo,
 * ModelCatalog, AccountProfile.ValueSink)} derives itself.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ExchangeFacts {

    final String accountId;
    final long ts;
    final IpInfo ip;
    final String model;
    /** {@link Hashes#of} of the model name; 0 when none. */
    final long modelHash;
    final String addr;
    final long addrHash;
    /** {@link Hashes#of} of {@link #prefix()}; 0 when none. */
    final long prefixHash;
    final String userAgent;
    final long userAgentHash;
    final String tls;
    final long tlsHash;
    /** The AS number (reference data first, then the gateway's), null when unknown; text on demand. */
    private final Integer asnNumber;
    final long asnHash;
    final String country;
    final long countryHash;
    /** The exchange names an end user (possibly blank: its hash is then 0, and still counted). */
    final boolean endUser;
    final long endUserHash;
    final int toolResults;
    final boolean singleTurn;
    final boolean saturated;
    final int inputTokens;
    final int outputTokens;

    private ExchangeFacts(Exchange e, IpInfo ip) {
        this.accountId = e.accountId();
        // String caches its hash: computing it here spares the in-order thread's profile lookup the pass
        accountId.hashCode();
        this.ts = e.tsMillis();
        this.ip = ip;
        this.model = e.model();
        this.modelHash = model == null ? 0 : Hashes.of(model);
        this.addr = e.client().ip();
        this.addrHash = addr == null ? 0 : Hashes.of(addr);
        // the hashes are needed for every exchange, the texts only when a value becomes an account's top
        // value: plain IPv4 (nearly all traffic) skips building the prefix text
        long v4 = NetworkData.plainIpv4(addr);
        this.prefixHash = v4 >= 0 ? Hashes.ofIpv4Prefix(v4) : Hashes.of(prefix());
        this.userAgent = e.client().userAgent();
        this.userAgentHash = Hashes.of(userAgent);
        this.tls = e.client().tlsFingerprint() != null ? e.client().tlsFingerprint() : e.client().headerOrder();
        this.tlsHash = Hashes.of(tls);
        this.asnNumber = ip.asn() != null ? ip.asn() : e.client().asn();
        this.asnHash = asnNumber == null ? 0 : asnNumber >= 0 ? Hashes.ofAsn(asnNumber) : Hashes.of(asn());
        String c = ip.country() != null ? ip.country() : e.client().country();
        this.country = c == null ? null : c.strip().toUpperCase(Locale.ROOT);
        this.countryHash = country == null ? 0 : Hashes.of(country);
        this.endUser = e.endUserId() != null;
        this.endUserHash = Hashes.of(e.endUserId());
        this.toolResults = e.toolResultCount();
        this.singleTurn = e.priorTurns() == 0;
        this.saturated = saturated(e);
        this.inputTokens = e.usage().inputTokens();
        this.outputTokens = e.usage().outputTokens();
    }

    /**
     * The facts of one exchange.
     *
     * @param ip what the reference data says about its client IP ({@link IpInfo#UNKNOWN} when nothing)
     */
    public static ExchangeFacts of(Exchange e, IpInfo ip) {
        return new ExchangeFacts(Objects.requireNonNull(e, "e"), ip == null ? IpInfo.UNKNOWN : ip);
    }

    /** The account the exchange belongs to. */
    public String accountId() {
        return accountId;
    }

    /** Exchange time, epoch ms. */
    public long tsMillis() {
        return ts;
    }

    /** {@link Hashes#of} of the requested model name; 0 when the exchange names none. */
    public long modelHash() {
        return modelHash;
    }

    /** The /24 or /48 prefix of the client address as text ({@link Hashes#prefix}); null when none. */
    String prefix() {
        return addr == null ? null : Hashes.prefix(addr);
    }

    /** {@code "AS" + number}, null when the AS is unknown. */
    String asn() {
        return asnNumber == null ? null : "AS" + asnNumber;
    }

    /** The response hit its output cap: stop reason max_tokens/length, or output tokens >= 95% of max_tokens. */
    private static boolean saturated(Exchange e) {
        String stop = e.response().stopReason();
        if ("max_tokens".equals(stop) || "length".equals(stop)) {
            return true;
        }
        Integer cap = e.sampling().maxTokens();
        int out = e.usage().outputTokens();
        return cap != null && cap > 0 && out >= 0 && out >= 0.95 * cap;
    }
}
