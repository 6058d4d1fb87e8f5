package io.scimkit.examples;

import io.scimkit.core.schema.SchemaRegistry;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code --store} values the example server understands, in order: the first factory that
 * accepts a value opens it. Unknown values are an error that lists what is supported.
 */
public final class StoreFactories {
    private final List<StoreFactory> factories;

    /** Tries these factories in order. */
    public StoreFactories(List<StoreFactory> factories) {
        this.factories = List.copyOf(factories);
        if (this.factories.isEmpty()) {
            throw new IllegalArgumentException("at least one store factory");
        }
    }

    /**
     * The stores of this build: {@code memory}. The persistent stores of {@code scim-jdbc}
     * ({@code h2:<dir>}, {@code jdbc:postgresql://...}) are added here as factories when wired in.
     */
    public static StoreFactories defaults() {
        return new StoreFactories(List.of(new MemoryStoreFactory()));
    }

    /**
     * The factory for a {@code --store} value.
     *
     * @throws IllegalArgumentException naming the supported syntaxes if no factory accepts it
     */
    public StoreFactory find(String spec) {
        Objects.requireNonNull(spec, "spec");
        for (StoreFactory factory : factories) {
            if (factory.accepts(spec)) {
                return factory;
            }
        }
        throw new IllegalArgumentException("unknown store '" + redacted(spec) + "': supported values are " + syntaxes());
    }

    /** The value without query parameters or user info: a JDBC URL may carry a password. */
    static String redacted(String spec) {
        int query = spec.indexOf('?');
        String shown = query < 0 ? spec : spec.substring(0, query) + "?...";
        return shown.replaceAll("//[^/@]*@", "//...@");
    }

    /** Opens the stores a {@code --store} value names. */
    public OpenedStores open(String spec, SchemaRegistry registry) {
        return find(spec).open(spec, registry);
    }

    /** The supported syntaxes, comma-separated, for help texts. */
    public String syntaxes() {
        return factories.stream().map(StoreFactory::syntax).collect(Collectors.joining(", "));
    }
}
