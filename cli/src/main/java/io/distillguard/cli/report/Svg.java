package io.distillguard.cli.report;

import io.distillguard.findings.Activity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts drawn in Java: no scripts, no external resources, bounded size. */
final class Svg {

    /** Most bars an activity chart draws; longer histograms are summed into wider bars. */
    static final int MAX_BARS = 180;
    /** Most capability rows drawn; the rest are summed into "other". */
    static final int MAX_CAPABILITIES = 10;

    private static final int W = 640;
    private static final int MIX_W = 430;

    private Svg() {
    }

    /** Exchanges over time as bars, with a y scale and first/middle/last time labels; empty string when no data. */
    static String activity(Activity a) {
        long[] counts = a.counts();
        if (counts.length == 0) {
            return "";
        }
        int group = (counts.length + MAX_BARS - 1) / MAX_BARS;
        int bars = (counts.length + group - 1) / group;
        long[] sums = new long[bars];
        long max = 0;
        long total = 0;
        int peak = 0;
        for (int i = 0; i < counts.length; i++) {
            sums[i / group] += Math.max(0, counts[i]);
            total += Math.max(0, counts[i]);
        }
        for (int i = 0; i < bars; i++) {
            if (sums[i] > max) {
                max = sums[i];
                peak = i;
            }
        }
        long bucket = a.bucketMillis() * group;
        long yMax = niceCeil(Math.max(1, max));
        int left = 56;
        int right = 8;
        int top = 10;
        int plotH = 130;
        int bottom = 34;
        int h = top + plotH + bottom;
        double plotW = W - left - right;
        double bw = plotW / bars;
        double gap = bw > 4 ? Math.min(2, bw * 0.2) : 0;
        StringBuilder sb = new StringBuilder(256 + bars * 140);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(h)
                .append("\" width=\"").append(W).append("\" height=\"").append(h)
                .append("\" role=\"img\" aria-label=\"Exchanges per ").append(Html.esc(Html.duration(bucket)))
                .append(", ").append(Html.count(total)).append(" in all\" xmlns=\"http://www.w3.org/2000/svg\">");
        // y grid and labels at 0, half and max
        for (int k = 0; k <= 2; k++) {
            long v = yMax * k / 2;
            double y = top + plotH - plotH * (double) v / yMax;
            sb.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(W - right)
                    .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
            sb.append("<text class=\"ylab\" x=\"").append(left - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(Html.count(v))).append("</text>");
        }
        for (int i = 0; i < bars; i++) {
            if (sums[i] == 0) {
                continue;
            }
            double bh = plotH * (double) sums[i] / yMax;
            double x = left + i * bw;
            long from = a.startMillis() + i * bucket;
            sb.append("<rect class=\"bar").append(i == peak ? " peak" : "").append("\" x=\"").append(f(x + gap / 2))
                    .append("\" y=\"").append(f(top + plotH - bh)).append("\" width=\"")
                    .append(f(Math.max(0.6, bw - gap))).append("\" height=\"").append(f(bh)).append("\"><title>")
                    .append(Html.esc(Html.minute(from))).append(" + ").append(Html.esc(Html.duration(bucket)))
                    .append(": ").append(Html.count(sums[i])).append(" exchanges</title></rect>");
        }
        sb.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(W - right).append("\" y1=\"")
                .append(top + plotH).append("\" y2=\"").append(top + plotH).append("\"/>");
        long span = bucket * bars;
        boolean longSpan = span > 3L * 86_400_000L;
        int[] ticks = bars >= 3 ? new int[] {0, bars / 2, bars} : new int[] {0, bars};
        for (int t = 0; t < ticks.length; t++) {
            long ms = a.startMillis() + ticks[t] * bucket;
            double x = left + ticks[t] * bw;
            String anchor = t == 0 ? "start" : t == ticks.length - 1 ? "end" : "middle";
            sb.append("<line class=\"axis\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
                    .append(top + plotH).append("\" y2=\"").append(top + plotH + 4).append("\"/>");
            sb.append("<text class=\"xlab\" x=\"").append(f(x)).append("\" y=\"").append(top + plotH + 17)
                    .append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(Html.esc(longSpan ? Html.day(ms) : Html.shortTime(ms))).append("</text>");
        }
        sb.append("<text class=\"xlab muted\" x=\"").append(left + plotW / 2).append("\" y=\"").append(h - 3)
                .append("\" text-anchor=\"middle\">UTC, one bar = ").append(Html.esc(Html.duration(bucket)))
                .append("</text>");
        sb.append("</svg>");
        return sb.toString();
    }

    /** Capability shares as horizontal bars, largest first; empty string when no data. */
    static String capabilityMix(Map<String, Double> mix) {
        List<Map.Entry<String, Double>> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            if (e.getValue() != null && e.getValue() > 0 && !e.getValue().isNaN()) {
                rows.add(e);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        double other = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i < MAX_CAPABILITIES - 1 || rows.size() == MAX_CAPABILITIES) {
                labels.add(rows.get(i).getKey());
                shares.add(rows.get(i).getValue());
            } else {
                other += rows.get(i).getValue();
            }
        }
        if (other > 0) {
            labels.add("other (" + (rows.size() - MAX_CAPABILITIES + 1) + ")");
            shares.add(other);
        }
        double maxShare = Math.max(1e-9, shares.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double scaleTo = Math.max(maxShare, 0.25);
        int left = 140;
        int right = 48;
        int rowH = 22;
        int h = rows.size() > 0 ? labels.size() * rowH + 8 : 0;
        double plotW = MIX_W - left - right;
        StringBuilder sb = new StringBuilder(256 + labels.size() * 260);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(MIX_W).append(' ').append(h).append("\" width=\"")
                .append(MIX_W).append("\" height=\"").append(h)
                .append("\" role=\"img\" aria-label=\"Share of exchanges per capability\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < labels.size(); i++) {
            double y = 4 + i * rowH;
            double share = shares.get(i);
            double bw = Math.max(1, plotW * share / scaleTo);
            String label = Html.clip(labels.get(i), 22);
            sb.append("<text class=\"ylab\" x=\"").append(left - 8).append("\" y=\"").append(f(y + 15))
                    .append("\" text-anchor=\"end\">").append(Html.esc(label)).append("</text>");
            sb.append("<rect class=\"hbar\" x=\"").append(left).append("\" y=\"").append(f(y + 3))
                    .append("\" width=\"").append(f(bw)).append("\" height=\"").append(rowH - 6).append("\"><title>")
                    .append(Html.esc(labels.get(i), 120)).append(": ").append(Html.esc(Html.pct(share)))
                    .append(" of exchanges</title></rect>");
            sb.append("<text class=\"val\" x=\"").append(f(left + bw + 6)).append("\" y=\"").append(f(y + 15))
                    .append("\">").append(Html.esc(Html.pct(share))).append("</text>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** Smallest 1/2/5 × 10^k at or above {@code v}. */
    static long niceCeil(long v) {
        long p = 1;
        while (p * 10 <= v && p <= Long.MAX_VALUE / 100) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
