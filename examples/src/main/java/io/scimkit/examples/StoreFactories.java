package io.scimkit.examples;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code --store} values the example server understands, in order: the first factory that
 * accepts a value opens it. Unknown values are an error that lists what is supported.
 */
public final class StoreFactories {
    /** The {@code --store} value when none is given: H2 files under {@code ./scim-data}, kept across restarts. */
    public static final String DEFAULT_STORE = "h2:./scim-data";

    private final List<StoreFactory> factories;

    /** Tries these factories in order. */
    public StoreFactories(List<StoreFactory> factories) {
        this.factories = List.copyOf(factories);
        if (this.factories.isEmpty()) {
            throw new IllegalArgumentException("at least one store factory");
        }
    }

    /**
     * The stores of this build, reading database credentials from the process environment: see
     * {@link #standard(Map)}.
     */
    public static StoreFactories defaults() {
        return standard(System.getenv());
    }

    /**
     * The stores of this build: {@code memory}, {@code h2:<dir>} (the default, {@value #DEFAULT_STORE})
     * and {@code jdbc:postgresql://...}, which takes its credentials from the URL or from
     * {@code SCIM_DB_USER}/{@code SCIM_DB_PASSWORD} in {@code env}.
     */
    public static StoreFactories standard(Map<String, String> env) {
        return new StoreFactories(List.of(new MemoryStoreFactory(), new H2StoreFactory(), new PostgresStoreFactory(env)));
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

    /**
     * Opens the stores a {@code --store} value names, delivering provisioning events to {@code events}
     * themselves when they can ({@link StoreFactory#open(String, SchemaRegistry, ProvisioningListener)}).
     */
    public OpenedStores open(String spec, SchemaRegistry registry, ProvisioningListener events) {
        return find(spec).open(spec, registry, events);
    }

    /** The supported syntaxes, comma-separated, for help texts. */
    public String syntaxes() {
        return factories.stream().map(StoreFactory::syntax).collect(Collectors.joining(", "));
    }
}
