package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.DialectRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The example server's audit log over real HTTP: one line per SCIM request with the tenant, the
 * principal, the path template, the resource id, the status and the dialect rules that fired, the
 * request id echoed; never the token, the body or a filter value; nothing at all when it is off
 * (then the plain access line is the one line per request).
 */
class AuditLogIT {
    private static final String TOKEN = "audit-" + UUID.randomUUID().toString().replace("-", "");
    private static final String SECRET_NAME = "secret-name-" + UUID.randomUUID();

    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final List<String> access = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ExampleServer start(boolean auditOn) {
        return ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0)
                .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")).withAuditLog(auditOn),
                ServerEnvironment.standard().withConsole(new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8)).withAccessLog(access::add).withAuditLog(audit::add));
    }

    @Test
    void oneLinePerScimRequestWithTheRightFieldsAndNoSecrets() throws Exception {
        try (ExampleServer server = start(true)) {
            HttpResponse<String> created = send(server, "POST", "/Users", "Bearer " + TOKEN, "client-req-1",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + SECRET_NAME + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("X-Request-Id")).hasValue("client-req-1");
            String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

            HttpResponse<String> patched = send(server, "PATCH", "/Users/" + id, "Bearer " + TOKEN, "bad id with spaces",
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + SECRET_NAME
                            + "\"}]}");
            assertThat(patched.statusCode()).isEqualTo(200);
            String generated = patched.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(generated).matches("[0-9a-f-]{36}");

            send(server, "GET", "/Users?filter=userName+eq+%22" + SECRET_NAME + "%22", "Bearer " + TOKEN, null, null);
            send(server, "GET", "/Groups", "Bearer " + TOKEN + "x", null, null);
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(server.baseUri().resolve("/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(live.statusCode()).isEqualTo(200);

            assertThat(audit).hasSize(4);
            assertThat(audit.get(0)).matches("request=client-req-1 tenant=\\S+ principal=.+ method=POST path=/Users "
                    + "id=" + id + " status=201 ms=\\d+ rules=-");
            assertThat(audit.get(1)).matches("request=" + generated + " tenant=\\S+ principal=.+ method=PATCH "
                    + "path=/Users/\\{id\\} id=" + id + " status=200 ms=\\d+ rules=" + DialectRule.OP_CASE_INSENSITIVE.id());
            assertThat(audit.get(2)).matches("request=\\S+ tenant=\\S+ principal=.+ method=GET path=/Users id=- "
                    + "status=200 ms=\\d+ rules=-");
            assertThat(audit.get(3)).matches("request=\\S+ tenant=- principal=- method=GET path=/Groups id=- "
                    + "status=401 ms=\\d+ rules=-");
            assertThat(audit).noneMatch(line -> line.contains(TOKEN.substring(6)) || line.contains("Bearer")
                    || line.contains(SECRET_NAME) || line.contains("Operations") || line.contains("health"));
            assertThat(access).as("the audit line replaces the access line").isEmpty();
        }
    }

    @Test
    void switchedOffItLogsNothingAndTheAccessLineRemains() throws Exception {
        try (ExampleServer server = start(false)) {
            HttpResponse<String> listed = send(server, "GET", "/Users", "Bearer " + TOKEN, "off-1", null);
            assertThat(listed.statusCode()).isEqualTo(200);
            send(server, "GET", "/Groups", "Bearer " + TOKEN + "x", null, null);

            assertThat(audit).isEmpty();
            assertThat(access).hasSize(2);
            assertThat(listed.headers().firstValue("X-Request-Id")).isEmpty();
        }
    }

    private HttpResponse<String> send(ExampleServer server, String method, String path, @Nullable String authorization,
            @Nullable String requestId, @Nullable String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
