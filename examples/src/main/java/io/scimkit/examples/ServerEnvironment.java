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
 * @param accessLog receives one line per request when the audit log is off
 * @param auditLog receives one audit line per SCIM request when the audit log is on ({@link AuditLog})
 * @param stores the {@code --store} values understood
 * @param container the HTTP server
 * @param random the source of generated tokens
 * @param shutdownGrace how long requests in flight may take at shutdown
 * @param extraComponents more JAX-RS singletons to serve (e.g. a benchmark's fixed endpoint); resources
 *        keep their paths, even below the SCIM base path, but providers such as filters see only the
 *        requests Jersey serves, not the SCIM requests {@link JettyContainer} serves directly
 */
public record ServerEnvironment(PrintStream console, Consumer<String> accessLog, Consumer<String> auditLog,
        StoreFactories stores,
        HttpContainer container, SecureRandom random, Duration shutdownGrace, List<Object> extraComponents) {

    public ServerEnvironment {
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        extraComponents = List.copyOf(extraComponents);
    }

    /**
     * Standard output, the {@code io.scimkit.examples.access} and {@code io.scimkit.audit} loggers, every
     * store of this build, Jetty, 5 s grace.
     */
    public static ServerEnvironment standard() {
        return new ServerEnvironment(System.out, LoggerFactory.getLogger("io.scimkit.examples.access")::info,
                LoggerFactory.getLogger("io.scimkit.audit")::info, StoreFactories.defaults(), new JettyContainer(), new SecureRandom(), Duration.ofSeconds(5), List.of());
    }

    /** A copy writing the start-up message here. */
    public ServerEnvironment withConsole(PrintStream value) {
        return new ServerEnvironment(value, accessLog, auditLog, stores, container, random,
                shutdownGrace, extraComponents);
    }

    /** A copy sending access-log lines here. */
    public ServerEnvironment withAccessLog(Consumer<String> value) {
        return new ServerEnvironment(console, value, auditLog, stores, container, random,
                shutdownGrace, extraComponents);
    }

    /** A copy sending audit lines here. */
    public ServerEnvironment withAuditLog(Consumer<String> value) {
        return new ServerEnvironment(console, accessLog, value, stores, container, random, shutdownGrace,
                extraComponents);
    }

    /** A copy that writes no request log at all (neither access nor audit lines): for tests and benchmarks. */
    public ServerEnvironment withoutRequestLogs() {
        return withAccessLog(line -> { }).withAuditLog(line -> { });
    }

    /** A copy with these store factories. */
    public ServerEnvironment withStores(StoreFactories value) {
        return new ServerEnvironment(console, accessLog, auditLog, value, container, random,
                shutdownGrace, extraComponents);
    }

    /** A copy on this HTTP container. */
    public ServerEnvironment withContainer(HttpContainer value) {
        return new ServerEnvironment(console, accessLog, auditLog, stores, value, random,
                shutdownGrace, extraComponents);
    }

    /** A copy that also serves these JAX-RS singletons. */
    public ServerEnvironment withExtraComponents(List<Object> value) {
        return new ServerEnvironment(console, accessLog, auditLog, stores, container, random, shutdownGrace, value);
    }
}
