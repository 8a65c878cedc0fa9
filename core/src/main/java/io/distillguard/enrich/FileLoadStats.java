package io.distillguard.enrich;

/**
 * How one reference file loaded.
 *
 * @param file file name relative to the data folder (e.g. {@code asn-ipv4.csv},
 *     {@code cloud_ip_ranges/aws.csv})
 * @param rows rows accepted
 * @param skipped malformed rows skipped (bad address, range, number or column count); blank lines,
 *     comments and headers are not counted
 * @param firstProblem line number and reason of the first skipped row, or null when none
 */
public record FileLoadStats(String file, long rows, long skipped, String firstProblem) {
}
