package io.distillguard.sim.eval;

import io.distillguard.findings.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Ground-truth labels of a simulated (or hand-labelled) traffic set: which accounts belong to which
 * distillation campaign and which behaviour (persona) produced each account.
 *
 * <p>Read from the spec's labels CSV, header {@code account_id,label,campaign,persona} (columns may
 * come in any order; more columns are ignored). Unlike traffic, ground truth is not read leniently:
 * evaluating against half a label file would silently produce wrong metrics, so any malformed line
 * fails the whole read with the file, line number and reason.
 */
public final class GroundTruth {

    /** Campaign name used for attack accounts whose {@code campaign} column is empty. */
    public static final String UNNAMED_CAMPAIGN = "(unnamed)";
    /** Persona name used when the {@code persona} column is empty. */
    public static final String UNSPECIFIED_PERSONA = "(unspecified)";

    /**
     * The label of one account.
     *
     * @param accountId account id
     * @param attack true when the account belongs to a distillation campaign
     * @param campaign campaign id for attack accounts ({@link #UNNAMED_CAMPAIGN} when the file left it
     *     empty); null for benign accounts
     * @param persona behaviour that produced the account, never null
     */
    public record Label(String accountId, boolean attack, String campaign, String persona) {
        public Label {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(persona, "persona");
            if (attack) {
                Objects.requireNonNull(campaign, "campaign of an attack account");
            } else {
                campaign = null;
            }
        }
    }

    private final Map<String, Label> byAccount;

    private GroundTruth(Map<String, Label> byAccount) {
        this.byAccount = byAccount;
    }

    /**
     * Builds ground truth from labels already in memory.
     *
     * @throws IllegalArgumentException when an account id occurs twice
     */
    public static GroundTruth of(Collection<Label> labels) {
        Map<String, Label> m = new LinkedHashMap<>();
        for (Label l : labels) {
            if (m.putIfAbsent(l.accountId(), l) != null) {
                throw new IllegalArgumentException("account labelled twice: " + l.accountId());
            }
        }
        return new GroundTruth(Collections.unmodifiableMap(m));
    }

    /**
     * Reads a labels CSV.
     *
     * @throws IOException when the file cannot be read, lacks a required column, has a line with a
     *     label other than {@code attack}/{@code benign}, an empty account id, or a repeated account id
     *     (the message names the file and line)
     */
    public static GroundTruth read(Path file) throws IOException {
        Map<String, Label> m = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + ": empty labels file");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> cols = Csv.split(header);
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                idx.putIfAbsent(cols.get(i).trim(), i);
            }
            for (String req : List.of("account_id", "label", "campaign", "persona")) {
                if (!idx.containsKey(req)) {
                    throw new IOException(file + ": header lacks column " + req + " (expected account_id,label,"
                            + "campaign,persona)");
                }
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                String id = get(f, idx.get("account_id"));
                String label = get(f, idx.get("label")).toLowerCase(java.util.Locale.ROOT);
                String campaign = get(f, idx.get("campaign"));
                String persona = get(f, idx.get("persona"));
                if (id.isEmpty()) {
                    throw new IOException(file + ":" + lineNo + ": empty account_id");
                }
                boolean attack;
                if (label.equals("attack")) {
                    attack = true;
                } else if (label.equals("benign")) {
                    attack = false;
                } else {
                    throw new IOException(file + ":" + lineNo + ": label must be attack or benign, got '" + label + "'");
                }
                Label l = new Label(id, attack, attack ? (campaign.isEmpty() ? UNNAMED_CAMPAIGN : campaign) : null,
                        persona.isEmpty() ? UNSPECIFIED_PERSONA : persona);
                if (m.putIfAbsent(id, l) != null) {
                    throw new IOException(file + ":" + lineNo + ": account labelled twice: " + id);
                }
            }
        }
        return new GroundTruth(Collections.unmodifiableMap(m));
    }

    private static String get(List<String> f, int i) {
        return i < f.size() ? f.get(i).trim() : "";
    }

    /** The label of {@code accountId}, or null when the account is not labelled. */
    public Label label(String accountId) {
        return byAccount.get(accountId);
    }

    /** Every label, in file order. */
    public Collection<Label> labels() {
        return byAccount.values();
    }

    /** Number of labelled accounts. */
    public int size() {
        return byAccount.size();
    }

    /** Number of attack accounts. */
    public int attackCount() {
        return (int) byAccount.values().stream().filter(Label::attack).count();
    }

    /** Campaign ids, sorted. */
    public List<String> campaigns() {
        TreeSet<String> s = new TreeSet<>();
        byAccount.values().stream().filter(Label::attack).forEach(l -> s.add(l.campaign()));
        return new ArrayList<>(s);
    }

    /** Persona names, sorted. */
    public List<String> personas() {
        TreeSet<String> s = new TreeSet<>();
        byAccount.values().forEach(l -> s.add(l.persona()));
        return new ArrayList<>(s);
    }
}
