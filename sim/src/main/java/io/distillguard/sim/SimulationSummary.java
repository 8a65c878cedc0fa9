package io.distillguard.sim;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a simulation wrote.
 *
 * @param eventsFile the events file
 * @param events event lines written, duplicates included, malformed lines excluded
 * @param duplicates repeated deliveries (same id, same bytes) among {@code events}
 * @param malformed deliberately malformed lines (0 unless a noise rate was set)
 * @param accounts accounts written
 * @param eventsByPersona event lines per persona, sorted by name
 * @param eventsByCampaign event lines per attack campaign id, sorted by id
 * @param accountsByPersona accounts per persona, sorted by name
 */
public record SimulationSummary(Path eventsFile, long events, long duplicates, long malformed, int accounts,
        Map<String, Long> eventsByPersona, Map<String, Long> eventsByCampaign, Map<String, Long> accountsByPersona) {
}
