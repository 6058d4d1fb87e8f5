package io.scimkit.examples;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * What the example server runs with besides its options: where the start-up message and the
 * access log go, which stores and HTTP container it can use, how long shutdown waits for requests
 * in flight, and extra JAX-RS components (providers or resources) to serve next to SCIM. Tests and
 * the benchmark replace parts of {@link #standard()}.
 *
 * @param console where the start-up message goes
 * @param accessLog receives one line per request
 * @param stores the {@code --store} values understood
 * @param container the HTTP server
 * @param random the source of generated tokens
 * @param shutdownGrace how long requests in flight may take at shutdown
 * @param extraComponents more JAX-RS singletons to serve (e.g. a benchmark's fixed endpoint)
 */
public record ServerEnvironment(PrintStream console, Consumer<String> accessLog, StoreFactories stores,
        HttpContainer container, SecureRandom random, Duration shutdownGrace, List<Object> extraComponents) {

    public ServerEnvironment {
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        extraComponents = List.copyOf(extraComponents);
    }

    /** Standard output, the {@code io.scimkit.examples.access} logger, every store of this build, Jetty, 5 s grace. */
    public static ServerEnvironment standard() {
        return new ServerEnvironment(System.out, LoggerFactory.getLogger("io.scimkit.examples.access")::info,
                StoreFactories.defaults(), new JettyContainer(), new SecureRandom(), Duration.ofSeconds(5), List.of());
    }

    /** A copy writing the start-up message here. */
    public ServerEnvironment withConsole(PrintStream value) {
        return new ServerEnvironment(value, accessLog, stores, container, random, shutdownGrace, extraComponents);
    }

    /** A copy sending access-log lines here. */
    public ServerEnvironment withAccessLog(Consumer<String> value) {
        return new ServerEnvironment(console, value, stores, container, random, shutdownGrace, extraComponents);
    }

    /** A copy with these store factories. */
    public ServerEnvironment withStores(StoreFactories value) {
        return new ServerEnvironment(console, accessLog, value, container, random, shutdownGrace, extraComponents);
    }

    /** A copy on this HTTP container. */
    public ServerEnvironment withContainer(HttpContainer value) {
        return new ServerEnvironment(console, accessLog, stores, value, random, shutdownGrace, extraComponents);
    }

    /** A copy that also serves these JAX-RS singletons. */
    public ServerEnvironment withExtraComponents(List<Object> value) {
        return new ServerEnvironment(console, accessLog, stores, container, random, shutdownGrace, value);
    }
}
