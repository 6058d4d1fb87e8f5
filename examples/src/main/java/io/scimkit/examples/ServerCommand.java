package io.scimkit.examples;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.examples.events.EventOptions;
import io.scimkit.examples.events.EventTarget;
import io.scimkit.examples.events.WebhookSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The example server's command line (picocli): every option also has an environment variable,
 * which the command line overrides. Parsing is a pure function of the arguments and the
 * environment map, so tests pass their own environment.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>variable</th><th>default</th></tr>
 * <tr><td>--port</td><td>SCIM_PORT</td><td>8080</td></tr>
 * <tr><td>--bind</td><td>SCIM_BIND</td><td>127.0.0.1</td></tr>
 * <tr><td>--base-path</td><td>SCIM_BASE_PATH</td><td>/scim/v2</td></tr>
 * <tr><td>--token</td><td>SCIM_TOKEN</td><td>generated, printed once</td></tr>
 * <tr><td>--store</td><td>SCIM_STORE</td><td>h2:./scim-data</td></tr>
 * <tr><td>--dialect</td><td>SCIM_DIALECT</td><td>lenient</td></tr>
 * <tr><td>--tenants</td><td>SCIM_TENANTS</td><td>none</td></tr>
 * <tr><td>--required-attributes</td><td>SCIM_REQUIRED_ATTRIBUTES</td><td>none beyond the schema's</td></tr>
 * <tr><td>--delete</td><td>SCIM_DELETE</td><td>hard</td></tr>
 * <tr><td>--public-url</td><td>SCIM_PUBLIC_URL</td><td>none: the address each connection arrived at</td></tr>
 * <tr><td>--max-threads</td><td>SCIM_MAX_THREADS</td><td>200</td></tr>
 * <tr><td>--max-requests-per-tenant</td><td>SCIM_MAX_REQUESTS_PER_TENANT</td><td>16</td></tr>
 * <tr><td>--idle-timeout</td><td>SCIM_IDLE_TIMEOUT</td><td>10 (seconds)</td></tr>
 * <tr><td>--min-body-rate</td><td>SCIM_MIN_BODY_RATE</td><td>1024 (bytes per second)</td></tr>
 * <tr><td>--rate-limit</td><td>SCIM_RATE_LIMIT</td><td>0 (no limit; requests per second per tenant)</td></tr>
 * <tr><td>--rate-burst</td><td>SCIM_RATE_BURST</td><td>one second's requests, rounded up</td></tr>
 * <tr><td>--audit-log</td><td>SCIM_AUDIT_LOG</td><td>on</td></tr>
 * <tr><td>--metrics-port</td><td>SCIM_METRICS_PORT</td><td>none (no metrics endpoint)</td></tr>
 * <tr><td>--events</td><td>SCIM_EVENTS</td><td>off</td></tr>
 * <tr><td>--events-secret</td><td>SCIM_EVENTS_SECRET</td><td>none: webhook deliveries unsigned</td></tr>
 * <tr><td>--events-timeout</td><td>SCIM_EVENTS_TIMEOUT</td><td>10 (seconds)</td></tr>
 * </table>
 *
 * <p>{@code --hash-token} prints {@code sha256:} and the SHA-256 hash of a token read from
 * {@code SCIM_TOKEN_TO_HASH} or else the first line of standard input (never from the arguments, which
 * other local users can see), for the tenants file or {@code SCIM_TOKEN}, and exits.
 */
public final class ServerCommand {
    static final String PORT = "SCIM_PORT";
    static final String BIND = "SCIM_BIND";
    static final String BASE_PATH = "SCIM_BASE_PATH";
    static final String TOKEN = "SCIM_TOKEN";
    static final String STORE = "SCIM_STORE";
    static final String DIALECT = "SCIM_DIALECT";
    static final String TENANTS = "SCIM_TENANTS";
    static final String REQUIRED_ATTRIBUTES = "SCIM_REQUIRED_ATTRIBUTES";
    static final String DELETE = "SCIM_DELETE";
    static final String PUBLIC_URL = "SCIM_PUBLIC_URL";
    static final String MAX_THREADS = "SCIM_MAX_THREADS";
    static final String MAX_REQUESTS_PER_TENANT = "SCIM_MAX_REQUESTS_PER_TENANT";
    static final String IDLE_TIMEOUT = "SCIM_IDLE_TIMEOUT";
    static final String MIN_BODY_RATE = "SCIM_MIN_BODY_RATE";
    static final String RATE_LIMIT = "SCIM_RATE_LIMIT";
    static final String RATE_BURST = "SCIM_RATE_BURST";
    static final String TOKEN_TO_HASH = "SCIM_TOKEN_TO_HASH";
    static final String AUDIT_LOG = "SCIM_AUDIT_LOG";
    static final String METRICS_PORT = "SCIM_METRICS_PORT";
    static final String EVENTS = "SCIM_EVENTS";
    static final String EVENTS_SECRET = "SCIM_EVENTS_SECRET";
    static final String EVENTS_TIMEOUT = "SCIM_EVENTS_TIMEOUT";

    private ServerCommand() {
    }

    /** What the command line asks for: run the server, or exit with a status (help, version, usage error). */
    public sealed interface Outcome permits Run, Exit {
    }

    /** Start the server with these options. */
    public record Run(ServerOptions options) implements Outcome {
    }

    /** Print nothing more and exit with this status (0 after help or version, 2 after a usage error). */
    public record Exit(int status) implements Outcome {
    }

    /**
     * Reads the arguments, falling back to the environment for options not given.
     *
     * @param out where help and version go
     * @param err where usage errors go
     */
    public static Outcome parse(String[] args, Map<String, String> env, StoreFactories stores, PrintWriter out,
            PrintWriter err) {
        return parse(args, env, stores, new BufferedReader(Reader.nullReader()), out, err);
    }

    /**
     * Reads the arguments, falling back to the environment for options not given.
     *
     * @param in where {@code --hash-token} reads the token when {@code SCIM_TOKEN_TO_HASH} is not set
     * @param out where help, version and the hash of {@code --hash-token} go
     * @param err where usage errors go
     */
    public static Outcome parse(String[] args, Map<String, String> env, StoreFactories stores, BufferedReader in,
            PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(spec(env, stores));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            ParseResult result = commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return new Exit(0);
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return new Exit(0);
            }
            if (result.hasMatchedOption("--hash-token")) {
                out.println(hashToken(env, in));
                out.flush();
                return new Exit(0);
            }
            return new Run(options(result, env, stores));
        } catch (ParameterException | IllegalArgumentException invalid) {
            err.println("error: " + invalid.getMessage());
            err.println("Run with --help for the options.");
            err.flush();
            return new Exit(2);
        }
    }

    private static ServerOptions options(ParseResult result, Map<String, String> env, StoreFactories stores) {
        String store = result.matchedOptionValue("--store", env.getOrDefault(STORE, StoreFactories.DEFAULT_STORE));
        stores.find(store);
        String tenants = result.matchedOptionValue("--tenants", env.getOrDefault(TENANTS, ""));
        return new ServerOptions(
                result.matchedOptionValue("--port", intValue(env, PORT, 8080)),
                result.matchedOptionValue("--bind", env.getOrDefault(BIND, "127.0.0.1")),
                result.matchedOptionValue("--base-path", env.getOrDefault(BASE_PATH, "/scim/v2")),
                token(result, env),
                store,
                result.matchedOptionValue("--dialect", enumValue(env, DIALECT, DialectChoice.class, DialectChoice.LENIENT)),
                tenants.isBlank() ? null : Path.of(tenants),
                requiredAttributes(result.matchedOptionValue("--required-attributes",
                        env.getOrDefault(REQUIRED_ATTRIBUTES, "")), SchemaRegistry.core()),
                result.matchedOptionValue("--delete", enumValue(env, DELETE, DeletePolicy.class, DeletePolicy.HARD)),
                publicUrl(result.matchedOptionValue("--public-url", env.getOrDefault(PUBLIC_URL, ""))),
                http(result, env),
                result.matchedOptionValue("--audit-log",
                        enumValue(env, AUDIT_LOG, Switch.class, Switch.ON)) == Switch.ON,
                result.matchedOptionValue("--metrics-port", intValue(env, METRICS_PORT, ServerOptions.NO_METRICS)),
                events(result, env));
    }

    /** {@code --events}, its secret (never echoed in an error) and its timeout. */
    private static EventOptions events(ParseResult result, Map<String, String> env) {
        EventTarget target = EventTarget.parse(result.matchedOptionValue("--events", env.getOrDefault(EVENTS, "")));
        String secret = result.matchedOptionValue("--events-secret", env.getOrDefault(EVENTS_SECRET, ""));
        int timeout = result.matchedOptionValue("--events-timeout",
                intValue(env, EVENTS_TIMEOUT, (int) EventOptions.DEFAULT_TIMEOUT.toSeconds()));
        return new EventOptions(target, secret.isBlank() ? null : new WebhookSignature(secret.strip()),
                Duration.ofSeconds(timeout));
    }

    /** The value of an on/off option. */
    enum Switch {
        ON, OFF
    }

    /** {@code sha256:<hex>} of the token in {@code SCIM_TOKEN_TO_HASH}, else of the first line of {@code in}. */
    private static String hashToken(Map<String, String> env, BufferedReader in) {
        String token = env.get(TOKEN_TO_HASH);
        if (token == null || token.isBlank()) {
            try {
                token = in.readLine();
            } catch (IOException unreadable) {
                throw new IllegalArgumentException("--hash-token: cannot read standard input");
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--hash-token: give the token in " + TOKEN_TO_HASH
                    + " or on standard input, e.g. read -rs T && printf '%s\\n' \"$T\" | scim-example-server --hash-token");
        }
        try {
            return TokenList.hashed(token.strip());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("--hash-token: the input " + malformed.getMessage());
        }
    }

    private static @Nullable URI publicUrl(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("--public-url '" + text + "' is not a URL");
        }
    }

    private static HttpLimits http(ParseResult result, Map<String, String> env) {
        HttpLimits defaults = HttpLimits.defaults();
        return new HttpLimits(
                result.matchedOptionValue("--max-threads", intValue(env, MAX_THREADS, defaults.maxThreads())),
                result.matchedOptionValue("--max-requests-per-tenant",
                        intValue(env, MAX_REQUESTS_PER_TENANT, defaults.maxRequestsPerTenant())),
                Duration.ofSeconds(result.matchedOptionValue("--idle-timeout",
                        intValue(env, IDLE_TIMEOUT, (int) defaults.idleTimeout().toSeconds()))),
                result.matchedOptionValue("--min-body-rate", intValue(env, MIN_BODY_RATE, defaults.minBodyRate())))
                .withRateLimit(rate(result, env), burst(result, env));
    }

    private static double rate(ParseResult result, Map<String, String> env) {
        if (result.hasMatchedOption("--rate-limit")) {
            return result.matchedOptionValue("--rate-limit", 0d);
        }
        String value = env.get(RATE_LIMIT);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(RATE_LIMIT + "='" + value + "' is not a number");
        }
    }

    private static int burst(ParseResult result, Map<String, String> env) {
        int fallback = HttpLimits.defaultBurst(rate(result, env));
        int burst = result.matchedOptionValue("--rate-burst", intValue(env, RATE_BURST, fallback));
        return rate(result, env) > 0 ? burst : 0;
    }

    private static @Nullable ConfiguredToken token(ParseResult result, Map<String, String> env) {
        if (result.hasMatchedOption("--token")) {
            return new ConfiguredToken(result.matchedOptionValue("--token", ""), "from --token");
        }
        String fromEnv = env.get(TOKEN);
        return fromEnv == null || fromEnv.isBlank() ? null : new ConfiguredToken(fromEnv, "from " + TOKEN);
    }

    /**
     * The {@code --required-attributes} list: comma-separated attribute paths of the User resource
     * type; core attributes may be unqualified ({@code emails,externalId}), extension attributes
     * carry their schema URN. Each is required of Users only (RFC 7643 §7 per-deployment rule).
     *
     * @throws IllegalArgumentException for a path the User resource type does not have
     */
    static Set<AttributePath> requiredAttributes(String list, SchemaRegistry registry) {
        Set<AttributePath> paths = new LinkedHashSet<>();
        for (String item : list.split(",")) {
            String text = item.strip();
            if (text.isEmpty()) {
                continue;
            }
            AttributePath path;
            try {
                path = AttributePath.parse(text);
            } catch (ScimException invalid) {
                throw new IllegalArgumentException("--required-attributes: '" + text + "' is not an attribute path");
            }
            ResolvedAttribute resolved = registry.resolve(CoreSchemas.USER_RESOURCE_TYPE, path)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--required-attributes: User has no attribute '" + text + "'"));
            AttributePath canonical = resolved.canonicalPath();
            // Qualify core attributes with the User URN so that Groups (which also have externalId) are unaffected.
            paths.add(canonical.schemaUrn() != null ? canonical
                    : new AttributePath(CoreSchemas.USER_URN, canonical.attribute(), canonical.subAttribute()));
        }
        return paths;
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a number");
        }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> env, String name, Class<E> type, E fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(name + "='" + value + "' is not one of " + lowerCase(type));
        }
    }

    private static <E extends Enum<E>> String lowerCase(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : java.util.EnumSet.allOf(type)) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    private static CommandSpec spec(Map<String, String> env, StoreFactories stores) {
        CommandSpec spec = CommandSpec.create().name("scim-example-server").mixinStandardHelpOptions(true)
                .version("scimkit example server 0.1.0");
        spec.usageMessage().description(
                "A SCIM 2.0 endpoint (RFC 7643/7644) for Microsoft Entra ID provisioning, built on scimkit.",
                "Every option can also be set by the environment variable named in its description;",
                "the command line wins.");
        spec.addOption(option("--port", "PORT", int.class, PORT, "TCP port, 0 for any free one (default: 8080)."));
        spec.addOption(option("--bind", "ADDRESS", String.class, BIND,
                "Address to listen on (default: 127.0.0.1; 0.0.0.0 for all interfaces)."));
        spec.addOption(option("--base-path", "PATH", String.class, BASE_PATH,
                "Path of the SCIM base URL (default: /scim/v2)."));
        spec.addOption(option("--token", "SECRET", String.class, TOKEN,
                "Bearer token Entra sends as its Secret Token. Without one (and without --tenants) a random "
                        + "token is generated and printed once at start. Prefer the variable: arguments are "
                        + "visible to other local users."));
        spec.addOption(option("--store", "STORE", String.class, STORE,
                "Where resources live: " + stores.syntaxes() + " (default: " + StoreFactories.DEFAULT_STORE
                        + ", kept across restarts). A PostgreSQL URL takes its user and password from the URL or "
                        + "from SCIM_DB_USER and SCIM_DB_PASSWORD."));
        spec.addOption(option("--dialect", "strict|lenient", DialectChoice.class, DIALECT,
                "strict: RFC 7644 only; lenient: also accept Entra's quirks (default: lenient)."));
        spec.addOption(option("--tenants", "FILE", String.class, TENANTS,
                "Multi-tenant demo: a file of tenant=token lines; each tenant has its own data and token."));
        spec.addOption(option("--required-attributes", "LIST", String.class, REQUIRED_ATTRIBUTES,
                "User attributes required on top of the schema's, comma-separated "
                        + "(e.g. emails,externalId for an application that needs both)."));
        spec.addOption(option("--delete", "hard|soft", DeletePolicy.class, DELETE,
                "DELETE /Users/{id}: hard removes, soft sets active=false and keeps the user (default: hard)."));
        spec.addOption(option("--public-url", "URL", String.class, PUBLIC_URL,
                "The SCIM base URL clients call, e.g. https://scim.example.com/scim/v2 behind a TLS proxy; "
                        + "Location and meta.location use it. Without it they use the address each connection "
                        + "arrived at, never the Host header."));
        spec.addOption(option("--max-threads", "N", int.class, MAX_THREADS,
                "Request threads of the HTTP server (default: 200)."));
        spec.addOption(option("--max-requests-per-tenant", "N", int.class, MAX_REQUESTS_PER_TENANT,
                "Requests of one tenant served at once; more get 429 with Retry-After, before their body is "
                        + "read (default: 16; 0 for no limit)."));
        spec.addOption(option("--idle-timeout", "SECONDS", int.class, IDLE_TIMEOUT,
                "A connection that sends nothing for this long is closed, also in the middle of a request "
                        + "(default: 10)."));
        spec.addOption(option("--min-body-rate", "BYTES", int.class, MIN_BODY_RATE,
                "Slowest a request body may arrive, in bytes per second after a grace second; a slower one "
                        + "fails with 400 (default: 1024; 0 for no minimum)."));
        spec.addOption(option("--rate-limit", "PER_SECOND", double.class, RATE_LIMIT,
                "Requests per second one tenant may send on average (e.g. 0.5, 20); more get 429 with "
                        + "Retry-After, before their body is read; other tenants are not slowed "
                        + "(default: 0, no limit)."));
        spec.addOption(option("--rate-burst", "N", int.class, RATE_BURST,
                "Requests one tenant may send at once after a pause, with --rate-limit (default: one "
                        + "second's requests, rounded up)."));
        spec.addOption(OptionSpec.builder("--hash-token").arity("0")
                .description("Print sha256:<hash> of the token in " + TOKEN_TO_HASH + " or on the first line of "
                        + "standard input, for the tenants file or SCIM_TOKEN, and exit.").build());
        spec.addOption(option("--audit-log", "on|off", Switch.class, AUDIT_LOG,
                "on: one audit line per SCIM request on the logger io.scimkit.audit (tenant, principal, method, "
                        + "path template, resource id, status, milliseconds, request id, dialect rules), never a "
                        + "token or a body; off: the plain access line on io.scimkit.examples.access instead "
                        + "(default: on)."));
        spec.addOption(option("--metrics-port", "PORT", int.class, METRICS_PORT,
                "Serve metrics in Prometheus text format at http://<bind>:<PORT>/metrics, on a port of their "
                        + "own so that they are not exposed with the SCIM endpoint: requests per resource type, "
                        + "method, status and tenant, dialect rules, store calls, JVM (default: none)."));
        spec.addOption(option("--events", "off|log|URL", String.class, EVENTS,
                "Provisioning events (user.created, user.deactivated, group.members_added, ...) as one JSON "
                        + "object each: log writes a line per event on the logger io.scimkit.events; an http(s) "
                        + "URL receives a POST per event (application/json, headers X-Scimkit-Event-Id and "
                        + "X-Scimkit-Event-Type); only a 2xx answer is a delivery. With an h2: or PostgreSQL "
                        + "store each change writes its events to the database in its own transaction and they "
                        + "are delivered at least once, in order per resource, retried with backoff, also after "
                        + "a restart; in memory each is delivered once right after its change, and a failed "
                        + "delivery is only logged. Either way the SCIM request never fails for it (default: off)."));
        spec.addOption(option("--events-secret", "SECRET", String.class, EVENTS_SECRET,
                "Signs each webhook delivery: header X-Scimkit-Signature: t=<unix seconds>,v1=<hex "
                        + "HMAC-SHA256 of t + \".\" + body, keyed with this secret>; at least 16 characters. Prefer "
                        + "the variable: arguments are visible to other local users."));
        spec.addOption(option("--events-timeout", "SECONDS", int.class, EVENTS_TIMEOUT,
                "How long the webhook may take to accept the connection, and then to answer; a slower one "
                        + "is a failed delivery (default: 10)."));
        return spec;
    }

    private static OptionSpec option(String name, String label, Class<?> type, String variable, String description) {
        // Defaults are applied in options(...), from the environment: picocli only checks the syntax here.
        return OptionSpec.builder(name).paramLabel(label).type(type)
                .description(description + " Env: " + variable + ".").build();
    }
}
