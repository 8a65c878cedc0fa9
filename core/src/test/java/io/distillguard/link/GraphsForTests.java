package io.distillguard.link;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds small account graphs by hand for tests of later stages. */
public final class GraphsForTests {

    private GraphsForTests() {
    }

    /** Collects edges. */
    public static final class Builder {
        private final List<AccountGraph.Edge> edges = new ArrayList<>();

        /** Adds an edge between {@code a} and {@code b}. */
        public Builder edge(int a, int b, double w) {
            edges.add(new AccountGraph.Edge(Math.min(a, b), Math.max(a, b), w,
                    List.of(new LinkReason(LinkAttribute.PAYMENT_FINGERPRINT, 1, 2, w))));
            return this;
        }
    }

    /** A graph over {@code n} vertices named v0..v(n-1). */
    public static AccountGraph build(int n, Consumer<Builder> edges) {
        Builder b = new Builder();
        edges.accept(b);
        b.edges.sort((x, y) -> x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("v" + i);
        }
        return new AccountGraph(ids, b.edges);
    }
}
