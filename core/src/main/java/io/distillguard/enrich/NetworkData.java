package io.distillguard.enrich;

import java.io.IOException;
import java.nio.file.Path;

/**
 * IP reference data: IP to ASN / organisation / country and address classes, loaded from a folder
 * in the layout of the project's network reference data (see the README).
 *
 * <p>INTERIM: loading is being built; this version knows nothing.
 */
public final class NetworkData {

    private NetworkData() {
    }

    /** Reference data that knows nothing: every lookup answers {@link IpInfo#UNKNOWN}. */
    public static NetworkData empty() {
        return new NetworkData();
    }

    /**
     * Loads the reference files found in {@code dir}; missing files are skipped.
     *
     * @throws IOException when {@code dir} is not a readable folder
     */
    public static NetworkData load(Path dir) throws IOException {
        return new NetworkData();
    }

    /** Looks up an address (v4 or v6, as text); null or unparseable gives {@link IpInfo#UNKNOWN}. */
    public IpInfo lookup(String ip) {
        return IpInfo.UNKNOWN;
    }
}
