package io.distillguard.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.enrich.IpClass;
import io.distillguard.enrich.IpInfo;
import io.distillguard.model.Api;
import io.distillguard.model.ClientInfo;
import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.ResponseSummary;
import io.distillguard.model.Role;
import io.distillguard.model.Sampling;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import io.distillguard.model.Usage;
import io.distillguard.signals.Capability;
import io.distillguard.signals.ContentSignals;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AccountProfileTest {

    static final long T0 = 1_770_000_000_000L;

    static Exchange ex(long ts, String prompt, String ip, String user, String model) {
        return new Exchange("id" + ts, ts, "acct", Api.OPENAI_CHAT, null, null, user, model,
                new ClientInfo(ip, "ua-" + (ip == null ? 0 : ip.length()), null, null, "US", null, null),
                new Usage(100, 300, -1, -1), new ResponseSummary(null, "stop", 0), 200, 10, "",
                List.of(Turn.text(Role.USER, prompt)), prompt, List.of(), null, Sampling.DEFAULT,
                ReasoningRequest.NONE, StructuredOutput.NONE, 0);
    }

    static ContentSignals signals(String prompt, double recon) {
        long h = Hashes.of(prompt);
        return new ContentSignals(0, recon, 0, 0, 0, false, false, Capability.MATH_REASONING, h, h, 0,
                prompt.length());
    }

    @Property(tries = 30)
    void sizeIsFixedAndUnderTwoKibWhateverTheTraffic(@ForAll @IntRange(min = 0, max = 3000) int n,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        AccountProfile p = new AccountProfile("acct_0123456789");
        long before = p.estimatedBytes();
        long ts = T0;
        for (int i = 0; i < n; i++) {
            ts += rnd.nextInt(100_000);
            String prompt = "q" + rnd.nextInt(1 + rnd.nextInt(5000));
            String ip = rnd.nextInt(256) + "." + rnd.nextInt(256) + ".1." + rnd.nextInt(256);
            p.update(ex(ts, prompt, ip, "u" + rnd.nextInt(100_000), "m" + rnd.nextInt(10)), signals(prompt, rnd.nextDouble()),
                    IpInfo.UNKNOWN, ModelCatalog.NONE, AccountProfile.ValueSink.NONE);
        }
        assertThat(p.estimatedBytes()).isEqualTo(before).isLessThanOrEqualTo(2048);
        assertThat(reflectiveBytes(p)).isEqualTo(p.estimatedBytes());
    }

    /** Independent check of {@link AccountProfile#estimatedBytes()}: walks the fields by reflection. */
    static long reflectiveBytes(Object o) {
        long self = 12;
        long nested = 0;
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Class<?> t = f.getType();
            if (t == long.class || t == double.class) {
                self += 8;
            } else if (t == int.class || t == float.class) {
                self += 4;
            } else if (t == boolean.class || t == byte.class) {
                self += 1;
            } else {
                self += 4;
                try {
                    Object v = f.get(o);
                    if (v instanceof String s) {
                        nested += align(24) + align(16 + 2L * s.length());
                    } else if (v != null && v.getClass().isArray()) {
                        int len = java.lang.reflect.Array.getLength(v);
                        Class<?> c = v.getClass().getComponentType();
                        int el = c == long.class || c == double.class ? 8 : c == byte.class ? 1 : 4;
                        nested += align(16 + (long) el * len);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return align(self) + nested;
    }

    static long align(long b) {
        return (b + 7) & ~7L;
    }

    @Test
    void rejectionSamplingRepeatsAreCountedAndBenchmarkRerunsAreNot() {
        AccountProfile sampling = new AccountProfile("s");
        AccountProfile bench = new AccountProfile("b");
        long ts = T0;
        for (int i = 0; i < 400; i++) {
            ts += 1000;
            String sp = "item " + (i / 4); // each prompt 4 times in a row
            sampling.update(ex(ts, sp, "1.1.1.1", null, "m"), signals(sp, 0), IpInfo.UNKNOWN, ModelCatalog.NONE,
                    AccountProfile.ValueSink.NONE);
            String bp = "item " + (i % 50); // a 50-item set re-run 8 times
            bench.update(ex(ts, bp, "1.1.1.1", null, "m"), signals(bp, 0), IpInfo.UNKNOWN, ModelCatalog.NONE,
                    AccountProfile.ValueSink.NONE);
        }
        double[] s = sampling.features(ModelCatalog.NONE);
        double[] b = bench.features(ModelCatalog.NONE);
        assertThat(s[Feature.BURST_REPEAT_SHARE.ordinal()]).isCloseTo(0.75, within(0.01));
        assertThat(b[Feature.BURST_REPEAT_SHARE.ordinal()]).isZero();
        assertThat(b[Feature.PROMPT_NOVELTY.ordinal()]).isCloseTo(50 / 400.0, within(0.01));
        assertThat(b[Feature.COVERAGE_GROWTH.ordinal()]).isCloseTo(0.0, within(1e-6));
        assertThat(s[Feature.COVERAGE_GROWTH.ordinal()]).isGreaterThan(0.1);
    }

    @Test
    void hourEntropyIsOneAroundTheClockAndLowForOfficeHours() {
        AccountProfile allDay = new AccountProfile("a");
        AccountProfile office = new AccountProfile("o");
        for (int i = 0; i < 24 * 20; i++) {
            long ts = T0 - T0 % 86_400_000L + i * 3_600_000L;
            allDay.update(ex(ts, "p" + i, null, null, null), signals("p" + i, 0), IpInfo.UNKNOWN, ModelCatalog.NONE,
                    AccountProfile.ValueSink.NONE);
            if (i % 24 == 10 || i % 24 == 11) {
                office.update(ex(ts, "p" + i, null, null, null), signals("p" + i, 0), IpInfo.UNKNOWN, ModelCatalog.NONE,
                        AccountProfile.ValueSink.NONE);
            }
        }
        assertThat(allDay.features(ModelCatalog.NONE)[Feature.HOUR_ENTROPY.ordinal()]).isCloseTo(1.0, within(1e-9));
        assertThat(office.features(ModelCatalog.NONE)[Feature.HOUR_ENTROPY.ordinal()]).isCloseTo(Math.log(2) / Math.log(24),
                within(1e-9));
    }

    @Test
    void checkpointsAreTakenGeometricallyAndDecodeCloseToTheLiveValues() {
        AccountProfile p = new AccountProfile("c");
        long ts = T0;
        for (int i = 0; i < 300; i++) {
            ts += 5000;
            String pr = "novel prompt " + i;
            p.update(ex(ts, pr, "10.0.0.1", null, null), signals(pr, i % 2 == 0 ? 0.9 : 0.1), IpInfo.UNKNOWN,
                    ModelCatalog.NONE, AccountProfile.ValueSink.NONE);
        }
        assertThat(p.checkpoints()).isEqualTo(3); // 16, 64, 256
        assertThat(p.checkpointTime(0)).isEqualTo(T0 + 16 * 5000);
        assertThat(p.checkpointFeatures(2)[Feature.RECONSTRUCTION_SHARE.ordinal()]).isCloseTo(0.5, within(0.01));
        assertThat(p.checkpointFeatures(2)[Feature.EXCHANGES.ordinal()]).isCloseTo(256, within(256 * 0.06));
    }

    @Test
    void newModelRushNeedsAReleaseInsideTheWindow() {
        long release = T0 + 86_400_000L;
        ModelCatalog catalog = new ModelCatalog() {
            @Override
            public long releasedAt(long h) {
                return h == Hashes.of("new") ? release : h == Hashes.of("old") ? T0 - 1 : UNKNOWN;
            }

            @Override
            public long newReleaseAfter() {
                return T0;
            }
        };
        AccountProfile p = new AccountProfile("m");
        for (int i = 0; i < 100; i++) {
            long ts = T0 + i * 3_600_000L;
            String model = ts >= release + 2 * 3_600_000L ? "new" : "old";
            p.update(ex(ts, "p" + i, null, null, model), signals("p" + i, 0), IpInfo.UNKNOWN, catalog,
                    AccountProfile.ValueSink.NONE);
        }
        double[] f = p.features(catalog);
        assertThat(f[Feature.NEW_MODEL_SHARE.ordinal()]).isCloseTo(1.0, within(1e-9));
        assertThat(f[Feature.NEW_MODEL_ADOPTION_HOURS.ordinal()]).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void hostingShareAndTopValuesAreTracked() {
        AccountProfile p = new AccountProfile("h");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String ip = i < 70 ? "203.0.113.5" : "198.51.100." + i;
            IpInfo info = new IpInfo(64500, "Hoster", "US", i < 70 ? IpClass.DATACENTER : IpClass.RESIDENTIAL, null);
            p.update(ex(T0 + i * 1000L, "p" + i, ip, null, null), signals("p" + i, 0), info, ModelCatalog.NONE,
                    (a, h, v) -> seen.add(a.label() + "=" + v));
        }
        assertThat(p.features(ModelCatalog.NONE)[Feature.HOSTING_IP_SHARE.ordinal()]).isCloseTo(0.7, within(1e-9));
        assertThat(p.topValues(Attribute.IP, 0.5)).containsExactly(Hashes.of("203.0.113.5"));
        assertThat(p.topValues(Attribute.IP_PREFIX, 0.5)).containsExactly(Hashes.of("203.0.113.0/24"));
        assertThat(seen).contains("ip=203.0.113.5", "asn=AS64500", "country=US");
    }
}
