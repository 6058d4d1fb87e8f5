package io.scimkit.examples.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.examples.ConfiguredToken;
import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example server's answers to requests that never reach the SCIM endpoint, or reach it broken
 * (issue 11 findings 8 and 9): every one is an RFC 7644 §3.12 error body in {@code application/scim+json},
 * none names the server or its version, and a forged {@code Host} never reaches {@code Location}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeIT {
    private static final String TOKEN = "edge-" + UUID.randomUUID().toString().replace("-", "");
    private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleServer server;
    private ExampleServer behindProxy;

    /** A resource below the base path that fails as the JVM does when it runs out of memory. */
    @Path("scim/v2/out-of-memory")
    public static final class OutOfMemory {
        @GET
        public String fail() {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }
    }

    @BeforeAll
    void start() {
        ServerOptions options = ServerOptions.defaults().withStore("memory").withPort(0)
                .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN"));
        ServerEnvironment quiet = ServerEnvironment.standard()
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withoutRequestLogs();
        server = ExampleServer.start(options, quiet.withExtraComponents(List.of(new OutOfMemory())));
        behindProxy = ExampleServer.start(options.withPublicUrl(URI.create("https://tenant.example.com/scim/")), quiet);
    }

    @AfterAll
    void stop() {
        server.close();
        behindProxy.close();
    }

    static Stream<Arguments> malformedRequests() {
        String auth = "Authorization: Bearer " + TOKEN + "\r\n";
        return Stream.of(
                Arguments.of("encoded slash in the path", "GET /scim/v2/Users%2Fx HTTP/1.1\r\nHost: a\r\n" + auth, 400),
                Arguments.of("encoded NUL in the path", "GET /scim/v2/Users%00 HTTP/1.1\r\nHost: a\r\n" + auth, 400),
                Arguments.of("empty segment in the path", "GET /scim/v2//Users HTTP/1.1\r\nHost: a\r\n" + auth, 400),
                Arguments.of("control character in the path", "GET /scim/v2/Us\u0001ers HTTP/1.1\r\nHost: a\r\n"
                        + auth, 400),
                Arguments.of("request URI too long", "GET /scim/v2/Users?filter=" + "x".repeat(20_000)
                        + " HTTP/1.1\r\nHost: a\r\n" + auth, 414),
                Arguments.of("headers too large", "GET /scim/v2/Users HTTP/1.1\r\nHost: a\r\n" + auth
                        + "X-Padding: " + "y".repeat(20_000) + "\r\n", 431),
                Arguments.of("unparseable Accept", "GET /scim/v2/Users?count=1 HTTP/1.1\r\nHost: a\r\n" + auth
                        + "Accept: !!!/;;;\r\n", 400),
                Arguments.of("out of memory below the base path", "GET /scim/v2/out-of-memory HTTP/1.1\r\nHost: a\r\n"
                        + auth, 500));
    }

    @ParameterizedTest(name = "{0}: {2} with a SCIM error body")
    @MethodSource("malformedRequests")
    void errorsOutsideTheEndpointAreScimErrorBodies(String what, String head, int status) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), head + "Connection: close\r\n\r\n");

        assertThat(answer.status()).as("status of: %s\n%s", what, answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("schemas").path(0).asText()).isEqualTo(ERROR_URN);
        assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(answer.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception")
                .doesNotContain("simulated");
        assertThat(answer.header("Server")).as("no version banner").isEmpty();
    }

    @Test
    void ordinaryAnswersCarryNoServerHeaderEither() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "GET /scim/v2/Users?count=1 HTTP/1.1\r\nHost: a\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Server")).isEmpty();
        assertThat(answer.header("X-Powered-By")).isEmpty();
    }

    @Test
    void aForgedHostDoesNotReachLocationWithoutAPublicUrl() throws Exception {
        RawHttp.Answer created = createWithHost(server, "evil.example.com");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:" + server.port() + "/scim/v2/Users/"));
        assertThat(created.body()).doesNotContain("evil.example.com");
    }

    @Test
    void aForgedHostDoesNotReachLocationWithAPublicUrl() throws Exception {
        RawHttp.Answer created = createWithHost(behindProxy, "evil.example.com");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://tenant.example.com/scim/Users/"));
        assertThat(JSON.readTree(created.body()).path("meta").path("location").asText())
                .isEqualTo(created.header("Location").orElseThrow());
        assertThat(created.body()).doesNotContain("evil.example.com").doesNotContain("127.0.0.1");
    }

    private static RawHttp.Answer createWithHost(ExampleServer target, String host) throws Exception {
        byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"host-"
                + UUID.randomUUID() + "@example.com\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /scim/v2/Users HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return RawHttp.exchange(target.port(), request.toByteArray());
    }
}
