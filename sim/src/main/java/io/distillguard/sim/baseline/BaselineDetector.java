package io.distillguard.sim.baseline;

import io.distillguard.findings.Findings;
import java.io.IOException;

/**
 * A reference detector to compare distillguard against. Baselines judge every account on its own
 * traffic alone: per-account state is a fixed-size profile, and no account is ever linked to another,
 * so they assign no campaign clusters ({@code cluster_id} stays empty and {@code clusters.json} has an
 * empty cluster list). Every flagged account carries {@link io.distillguard.findings.Evidence} whose
 * {@code baseline} is the threshold the value was compared to.
 */
public interface BaselineDetector {

    /** Name written to the findings, e.g. {@code baseline:rate-limit}. */
    String name();

    /**
     * Runs the baseline over the events. Accounts appear in the findings in the order of their first
     * event; the findings writer sorts them.
     *
     * @throws IOException when the event source fails
     */
    Findings detect(EventSource events) throws IOException;
}
