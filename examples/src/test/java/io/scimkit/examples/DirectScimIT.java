package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which requests the Jetty container serves without Jersey ({@link DirectScimHandler}): SCIM requests
 * below the base path with GET, POST, PUT, PATCH and DELETE; HEAD, health, extra resources below the
 * base path and requests Jersey would refuse (an unparseable {@code Accept}) still reach Jersey. Each
 * request gets exactly one log line, whichever serves it; a streamed group arrives complete.
 */
class DirectScimIT {
    private static final String TOKEN = "direct-" + UUID.randomUUID().toString().replace("-", "");

    private final List<String> access = new CopyOnWriteArrayList<>();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JettyContainer jetty = new JettyContainer();
    private ExampleServer server;

    private ExampleServer start(boolean auditOn) {
        server = ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0)
                        .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")).withAuditLog(auditOn),
                ServerEnvironment.standard().withContainer(jetty)
                        .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                        .withAccessLog(access::add).withAuditLog(audit::add)
                        .withExtraComponents(List.of(new ExtraResource())));
        return server;
    }

    /** An extra JAX-RS resource below the SCIM base path, which Jersey must keep serving. */
    @jakarta.ws.rs.Path("scim/v2/extra")
    public static final class ExtraResource {
        @jakarta.ws.rs.GET
        public String get() {
            return "extra";
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scimRequestsAreServedDirectlyTheRestByJerseyEachWithOneAccessLine() throws Exception {
        start(false);

        assertThat(send("GET", "/scim/v2/Users", null).statusCode()).isEqualTo(200);
        assertThat(jetty.directRequests()).isEqualTo(1);
        assertThat(access).singleElement().asString().startsWith("GET /scim/v2/Users 200 ");

        HttpResponse<String> json = send("GET", "/scim/v2/ServiceProviderConfig", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.headers().firstValue("Content-Length")).hasValue(String.valueOf(json.body().length()));
        assertThat(jetty.directRequests()).isEqualTo(2);

        HttpResponse<String> head = send("HEAD", "/scim/v2/Users", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> extra = send("GET", "/scim/v2/extra", null);
        assertThat(extra.body()).isEqualTo("extra");
        assertThat(send("GET", "/scim/v2/Users", "!!!/;;;").statusCode()).as("Jersey's 400").isEqualTo(400);
        assertThat(jetty.directRequests()).as("none of these went the direct path").isEqualTo(2);

        assertThat(access).hasSize(6);
        assertThat(access.get(2)).startsWith("HEAD /scim/v2/Users 200 ");
        assertThat(access.get(3)).startsWith("GET /health/live 200 ");
        assertThat(access.get(5)).startsWith("GET /scim/v2/Users 400 ");
    }

    @Test
    void aDirectRequestGetsOneAuditLineAndItsRequestIdEchoed() throws Exception {
        start(true);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/scim/v2/Users"))
                .header("Authorization", "Bearer " + TOKEN).header("X-Request-Id", "direct-req-1")
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"direct@example.com\"}"))
                .build();

        HttpResponse<String> created = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).hasValue("direct-req-1");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:" + server.port() + "/scim/v2/Users/"));
        assertThat(jetty.directRequests()).isEqualTo(1);
        assertThat(audit).singleElement().asString().startsWith("request=direct-req-1 tenant=")
                .contains(" method=POST path=/Users id=", " status=201 ");
        assertThat(access).isEmpty();
    }

    @Test
    void aStreamedGroupWithManyMembersArrivesComplete() throws Exception {
        start(false);
        ScimHttp http = new ScimHttp(URI.create("http://127.0.0.1:" + server.port() + "/scim/v2"), "Bearer " + TOKEN);
        int count = 2_000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(http.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"member-" + i + "@example.com\"}").body().path("id").asText());
        }
        StringBuilder members = new StringBuilder();
        for (String id : ids) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        String groupId = http.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"everyone\",\"members\":[" + members + "]}").body().path("id").asText();
        long before = jetty.directRequests();

        ScimHttp.Answer group = http.get("/Groups/" + groupId);

        assertThat(group.status()).isEqualTo(200);
        assertThat(group.contentType()).startsWith("application/scim+json");
        JsonNode read = group.body().path("members");
        assertThat(read).hasSize(count);
        List<String> values = new ArrayList<>();
        read.forEach(member -> values.add(member.path("value").asText()));
        assertThat(values).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(group.body().path("meta").path("location").asText())
                .isEqualTo("http://127.0.0.1:" + server.port() + "/scim/v2/Groups/" + groupId);
        assertThat(jetty.directRequests()).isEqualTo(before + 1);
    }
}
