package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.examples.events.EventOptions;
import io.scimkit.examples.events.EventTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ServerCommand.Outcome parse(Map<String, String> env, String... args) {
        return ServerCommand.parse(args, env, StoreFactories.defaults(), new PrintWriter(out), new PrintWriter(err));
    }

    private ServerOptions run(Map<String, String> env, String... args) {
        ServerCommand.Outcome outcome = parse(env, args);
        assertThat(outcome).as(err.toString()).isInstanceOf(ServerCommand.Run.class);
        return ((ServerCommand.Run) outcome).options();
    }

    @Test
    void withoutArgumentsOrEnvironmentTheDocumentedDefaultsApply() {
        assertThat(run(Map.of())).isEqualTo(ServerOptions.defaults());
        assertThat(ServerOptions.defaults().store()).as("H2 files, kept across restarts").isEqualTo("h2:./scim-data");
    }

    @ParameterizedTest(name = "--store {0}")
    @CsvSource({"memory", "h2:./scim-data", "H2:/var/lib/scim", "jdbc:postgresql://db.example:5432/scim",
        "jdbc:postgresql://db/scim?user=scim&password=secret"})
    void everyStoreSyntaxIsAccepted(String store) {
        assertThat(run(Map.of(), "--store", store).store()).isEqualTo(store);
        assertThat(run(Map.of("SCIM_STORE", store)).store()).isEqualTo(store);
    }

    @Test
    void everyOptionIsRead() {
        ServerOptions options = run(Map.of(), "--port", "9090", "--bind", "0.0.0.0", "--base-path", "scim/", "--token",
                "t0123456789abcdefXYZ", "--store", "memory", "--dialect", "strict", "--tenants", "tenants.properties",
                "--required-attributes", "emails,externalId", "--delete", "soft");
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bind()).isEqualTo("0.0.0.0");
        assertThat(options.basePath()).isEqualTo("/scim");
        assertThat(options.token()).isEqualTo(new ConfiguredToken("t0123456789abcdefXYZ", "from --token"));
        assertThat(options.dialect()).isEqualTo(DialectChoice.STRICT);
        assertThat(options.tenantsFile()).isEqualTo(Path.of("tenants.properties"));
        assertThat(options.deletePolicy()).isEqualTo(DeletePolicy.SOFT);
        assertThat(options.requiredAttributes()).containsExactlyInAnyOrder(
                new AttributePath(CoreSchemas.USER_URN, "emails", null),
                new AttributePath(CoreSchemas.USER_URN, "externalId", null));
    }

    @Test
    void theHttpEdgeOptionsAreReadFromTheCommandLineAndTheEnvironment() {
        ServerOptions options = run(Map.of(), "--public-url", "https://tenant.example.com/scim/", "--max-threads",
                "64", "--max-requests-per-tenant", "8", "--idle-timeout", "30", "--min-body-rate", "0");
        assertThat(options.publicUrl()).isEqualTo(java.net.URI.create("https://tenant.example.com/scim"));
        assertThat(options.http()).isEqualTo(new HttpLimits(64, 8, java.time.Duration.ofSeconds(30), 0));

        ServerOptions fromEnv = run(Map.of("SCIM_PUBLIC_URL", "https://scim.example.com/scim/v2",
                "SCIM_MAX_THREADS", "100", "SCIM_MAX_REQUESTS_PER_TENANT", "0", "SCIM_IDLE_TIMEOUT", "5",
                "SCIM_MIN_BODY_RATE", "2048"));
        assertThat(fromEnv.publicUrl()).isEqualTo(java.net.URI.create("https://scim.example.com/scim/v2"));
        assertThat(fromEnv.http()).isEqualTo(new HttpLimits(100, 0, java.time.Duration.ofSeconds(5), 2048));
    }

    @Test
    void theHttpEdgeDefaultsAreDocumented() {
        ServerOptions options = run(Map.of());
        assertThat(options.publicUrl()).as("Location from the connection's address").isNull();
        assertThat(options.http()).isEqualTo(new HttpLimits(200, 16, java.time.Duration.ofSeconds(10), 1024));
        assertThat(options.http().rateLimit()).as("no request-rate limit by default").isZero();
    }

    @Test
    void theRateLimitIsReadFromTheCommandLineAndTheEnvironment() {
        assertThat(run(Map.of(), "--rate-limit", "2.5").http()).extracting(HttpLimits::rateLimit, HttpLimits::rateBurst)
                .containsExactly(2.5, 3);
        assertThat(run(Map.of(), "--rate-limit", "20", "--rate-burst", "100").http())
                .extracting(HttpLimits::rateLimit, HttpLimits::rateBurst).containsExactly(20.0, 100);
        assertThat(run(Map.of("SCIM_RATE_LIMIT", "0.5", "SCIM_RATE_BURST", "4")).http())
                .extracting(HttpLimits::rateLimit, HttpLimits::rateBurst).containsExactly(0.5, 4);
        assertThat(run(Map.of("SCIM_RATE_LIMIT", "5"), "--rate-limit", "0").http().rateLimit()).isZero();
    }

    @Test
    void theMetricsPortIsOffByDefaultAndReadFromTheCommandLineAndTheEnvironment() {
        assertThat(run(Map.of()).metricsPort()).isEqualTo(ServerOptions.NO_METRICS);
        assertThat(run(Map.of(), "--metrics-port", "9464").metricsPort()).isEqualTo(9464);
        assertThat(run(Map.of("SCIM_METRICS_PORT", "9465")).metricsPort()).isEqualTo(9465);
        assertThat(run(Map.of("SCIM_METRICS_PORT", "9465"), "--metrics-port", "0").metricsPort()).isZero();
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({"--metrics-port, 65536", "--metrics-port, -2", "--metrics-port, x", "--rate-limit, -1", "--rate-limit, NaN", "--rate-limit, Infinity", "--rate-limit, x"})
    void badRateLimitsAreUsageErrors(String option, String value) {
        assertThat(parse(Map.of(), option, value)).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains(option);
    }

    @Test
    void hashTokenPrintsTheHashOfTheTokenFromTheEnvironmentOrStandardInput() {
        String token = "a-new-secret-token-0123456789";
        String expected = "sha256:" + io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(token);
        assertThat(ServerCommand.parse(new String[] {"--hash-token"}, Map.of("SCIM_TOKEN_TO_HASH", token),
                StoreFactories.defaults(), new java.io.BufferedReader(new java.io.StringReader("")),
                new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(new ServerCommand.Exit(0));
        assertThat(out.toString().strip()).isEqualTo(expected);
        out.getBuffer().setLength(0);
        assertThat(ServerCommand.parse(new String[] {"--hash-token"}, Map.of(), StoreFactories.defaults(),
                new java.io.BufferedReader(new java.io.StringReader(token + "\n")),
                new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(new ServerCommand.Exit(0));
        assertThat(out.toString().strip()).isEqualTo(expected);
    }

    @Test
    void hashTokenRefusesAMissingOrShortTokenWithoutEchoingIt() {
        assertThat(ServerCommand.parse(new String[] {"--hash-token"}, Map.of("SCIM_TOKEN_TO_HASH", "short-secret"),
                StoreFactories.defaults(), new java.io.BufferedReader(new java.io.StringReader("")),
                new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains("--hash-token").contains("shorter than 16").doesNotContain("short-secret");
        assertThat(ServerCommand.parse(new String[] {"--hash-token"}, Map.of(), StoreFactories.defaults(),
                new java.io.BufferedReader(new java.io.StringReader("")), new PrintWriter(out, true),
                new PrintWriter(err, true))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(out.toString()).doesNotContain("sha256:");
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({"--public-url, tenant.example.com/scim", "--public-url, ftp://tenant.example.com/scim",
        "--public-url, https://tenant.example.com/scim?x=1", "--public-url, https://user@tenant.example.com/scim",
        "--public-url, 'https://tenant example.com'", "--max-threads, 2", "--max-requests-per-tenant, -1",
        "--idle-timeout, 0", "--min-body-rate, -5"})
    void badHttpEdgeValuesAreUsageErrors(String option, String value) {
        assertThat(parse(Map.of(), option, value)).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains(option);
    }

    @Test
    void theRequiredAttributesListGivesTheSameValidationAsTheApi() {
        // userName is required by the schema already; the option adds User attributes like requireUserAttributes.
        ServerOptions options = run(Map.of(), "--required-attributes", "emails, externalId");
        assertThat(options.validation().requiredAttributes()).containsExactlyInAnyOrderElementsOf(
                io.scimkit.core.resource.ValidationSettings.rfc().requireUserAttributes("emails", "externalId")
                        .requiredAttributes());
    }

    @Test
    void environmentVariablesAreReadAndTheCommandLineWins() {
        Map<String, String> env = Map.of("SCIM_PORT", "7070", "SCIM_BIND", "::", "SCIM_BASE_PATH", "/v2",
                "SCIM_TOKEN", "env-token-0123456789", "SCIM_DIALECT", "STRICT", "SCIM_DELETE", "soft",
                "SCIM_TENANTS", "/etc/scim/tenants", "SCIM_REQUIRED_ATTRIBUTES", "externalId", "SCIM_STORE", "memory");
        ServerOptions fromEnv = run(env);
        assertThat(fromEnv.port()).isEqualTo(7070);
        assertThat(fromEnv.bind()).isEqualTo("::");
        assertThat(fromEnv.basePath()).isEqualTo("/v2");
        assertThat(fromEnv.token()).isEqualTo(new ConfiguredToken("env-token-0123456789", "from SCIM_TOKEN"));
        assertThat(fromEnv.dialect()).isEqualTo(DialectChoice.STRICT);
        assertThat(fromEnv.deletePolicy()).isEqualTo(DeletePolicy.SOFT);
        assertThat(fromEnv.tenantsFile()).isEqualTo(Path.of("/etc/scim/tenants"));
        assertThat(fromEnv.requiredAttributes()).containsExactly(new AttributePath(CoreSchemas.USER_URN, "externalId", null));

        ServerOptions overridden = run(env, "--port", "1", "--token", "flag-token-0123456789", "--dialect", "lenient");
        assertThat(overridden.port()).isEqualTo(1);
        assertThat(overridden.token().origin()).isEqualTo("from --token");
        assertThat(overridden.dialect()).isEqualTo(DialectChoice.LENIENT);
    }

    @Test
    void anEnterpriseAttributeKeepsItsUrn() {
        String path = CoreSchemas.ENTERPRISE_USER_URN + ":employeeNumber";
        assertThat(run(Map.of(), "--required-attributes", path).requiredAttributes())
                .containsExactly(new AttributePath(CoreSchemas.ENTERPRISE_USER_URN, "employeeNumber", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--port abc|'abc' is not an int",
        "--port 70000|70000",
        "--store redis:/tmp/x|unknown store 'redis:/tmp/x': supported values are memory, h2:<dir>, jdbc:postgresql://host[:port]/database",
        "--store jdbc:mysql://u:secret@db/scim?password=secret|unknown store 'jdbc:mysql://...@db/scim?...'",
        "--dialect loose|loose",
        "--delete maybe|maybe",
        "--required-attributes emails,shoeSize|User has no attribute 'shoeSize'",
        "--required-attributes 1abc|'1abc' is not an attribute path",
        "--base-path /a?b|not a plain path",
        "--no-such-option|Unknown option"
    })
    void usageErrorsExitWithTwoAndExplain(String args, String message) {
        assertThat(parse(Map.of(), args.split(" "))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains(message).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"SCIM_PORT,eighty,SCIM_PORT='eighty' is not a number", "SCIM_DIALECT,loose,SCIM_DIALECT='loose' is not one of strict, lenient",
        "SCIM_DELETE,never,SCIM_DELETE='never' is not one of hard, soft", "SCIM_STORE,redis,unknown store 'redis'"})
    void badEnvironmentValuesAreUsageErrorsNamingTheVariable(String name, String value, String message) {
        assertThat(parse(Map.of(name, value))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains(message);
    }

    @Test
    void theAuditLogIsOnByDefaultAndSwitchedOffByOptionOrVariable() {
        assertThat(run(Map.of()).auditLog()).isTrue();
        assertThat(run(Map.of(), "--audit-log", "off").auditLog()).isFalse();
        assertThat(run(Map.of("SCIM_AUDIT_LOG", "off")).auditLog()).isFalse();
        assertThat(run(Map.of("SCIM_AUDIT_LOG", "off"), "--audit-log", "ON").auditLog()).isTrue();
        assertThat(parse(Map.of(), "--audit-log", "maybe")).isEqualTo(new ServerCommand.Exit(2));
        assertThat(parse(Map.of("SCIM_AUDIT_LOG", "maybe"))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains("SCIM_AUDIT_LOG");
    }

    @Test
    void eventsAreOffByDefaultAndReadFromTheCommandLineAndTheEnvironment() {
        assertThat(run(Map.of()).events()).isEqualTo(EventOptions.off());
        assertThat(run(Map.of(), "--events", "log").events().target()).isEqualTo(new EventTarget.Log());
        EventOptions webhook = run(Map.of("SCIM_EVENTS_SECRET", "env-secret-0123456789"), "--events",
                "https://hooks.example/scim", "--events-timeout", "3").events();
        assertThat(webhook.target()).isEqualTo(new EventTarget.Webhook(URI.create("https://hooks.example/scim")));
        assertThat(webhook.signature()).isNotNull();
        assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(3));
        EventOptions fromEnv = run(Map.of("SCIM_EVENTS", "http://127.0.0.1:9/e", "SCIM_EVENTS_TIMEOUT", "2")).events();
        assertThat(fromEnv.target()).isEqualTo(new EventTarget.Webhook(URI.create("http://127.0.0.1:9/e")));
        assertThat(fromEnv.signature()).isNull();
        assertThat(fromEnv.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(run(Map.of("SCIM_EVENTS", "log"), "--events", "off").events().enabled()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--events on|--events",
        "--events ftp://x.example/|--events",
        "--events log --events-secret secret-0123456789abc|--events-secret signs webhook deliveries",
        "--events https://h.example/ --events-secret secret-short|at least 16 characters",
        "--events https://h.example/ --events-timeout 0|--events-timeout",
        "--events https://h.example/ --events-timeout soon|soon"
    })
    void badEventOptionsAreUsageErrorsThatNeverEchoTheSecret(String args, String message) {
        assertThat(parse(Map.of(), args.split(" "))).isEqualTo(new ServerCommand.Exit(2));
        assertThat(err.toString()).contains(message).doesNotContain("secret-0123456789abc", "secret-short");
    }

    @Test
    void anEventsSecretNeverAppearsInTheOptionsText() {
        ServerOptions options = run(Map.of(), "--events", "https://hooks.example/scim?key=k-print-me",
                "--events-secret", "do-not-print-me-0123456789");
        assertThat(options.toString()).doesNotContain("do-not-print-me", "k-print-me");
    }

    @Test
    void helpListsEveryOptionWithItsVariableAndExitsWithZero() {
        assertThat(parse(Map.of(), "--help")).isEqualTo(new ServerCommand.Exit(0));
        assertThat(out.toString()).contains("--port", "SCIM_PORT", "--bind", "SCIM_BIND", "--base-path", "SCIM_BASE_PATH",
                "--token", "SCIM_TOKEN", "--store", "SCIM_STORE", "--dialect", "SCIM_DIALECT", "--tenants", "SCIM_TENANTS",
                "--required-attributes", "SCIM_REQUIRED_ATTRIBUTES", "--delete", "SCIM_DELETE", "--audit-log",
                "SCIM_AUDIT_LOG", "--events", "SCIM_EVENTS", "--events-secret", "SCIM_EVENTS_SECRET",
                "--events-timeout", "SCIM_EVENTS_TIMEOUT", "X-Scimkit-Signature");
    }

    @Test
    void aConfiguredTokenNeverAppearsInTheOptionsText() {
        ServerOptions options = run(Map.of(), "--token", "do-not-print-me-0123456789");
        assertThat(options.toString()).doesNotContain("do-not-print-me");
        assertThat(Set.of(options).toString()).doesNotContain("do-not-print-me");
    }
}
