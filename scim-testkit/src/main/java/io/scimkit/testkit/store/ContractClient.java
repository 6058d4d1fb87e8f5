package io.scimkit.testkit.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends in-process SCIM requests (RFC 7644 §3) to a {@link ScimService} over the stores under test,
 * as a principal of the test's tenant: how the suite checks what a store does behind the core.
 */
final class ContractClient {
    static final URI BASE = URI.create("https://scim.example.test/scim/v2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimService service;
    private final ScimPrincipal principal;
    private final StoreFailures failures;

    private ContractClient(ScimService service, ScimPrincipal principal, StoreFailures failures) {
        this.service = service;
        this.principal = principal;
        this.failures = failures;
    }

    /** A client of a new service over these stores, calling as a principal of this tenant. */
    static ContractClient over(SchemaRegistry registry, ContractStores stores, String tenant) {
        StoreFailures failures = new StoreFailures();
        ScimService service = ScimService.builder().baseUri(BASE).schemas(registry)
                .userStore(failures.watch(stores.users()))
                .groupStore(failures.watch(stores.groups()))
                .build();
        return new ContractClient(service, new ScimPrincipal(tenant, ContractFixtures.PRINCIPAL), failures);
    }

    /** A client of the same service, calling as a principal of another tenant. */
    ContractClient inTenant(String tenant) {
        return new ContractClient(service, new ScimPrincipal(tenant, principal.name()), failures);
    }

    /** {@code GET path?name=value&...}, the parameters given as name/value pairs and URL-encoded here. */
    Reply get(String path, String... parameters) {
        StringBuilder query = new StringBuilder();
        StringBuilder readable = new StringBuilder(path);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            query.append(query.length() == 0 ? "" : "&").append(encode(parameters[i])).append('=')
                    .append(encode(parameters[i + 1]));
            readable.append(i == 0 ? "?" : "&").append(parameters[i]).append('=').append(parameters[i + 1]);
        }
        return send("GET", path, query.toString(), null, "GET " + readable);
    }

    Reply post(String path, String json) {
        return send("POST", path, "", json, "POST " + path + " " + json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, "", json, "PATCH " + path + " " + json);
    }

    Reply delete(String path) {
        return send("DELETE", path, "", null, "DELETE " + path);
    }

    /** Creates a user through the service ({@code POST /Users}) and returns its id. */
    String createUser(String userName, String... extraMembers) {
        Reply reply = post("/Users", ContractFixtures.userJson(userName, extraMembers));
        assertThat(reply.status()).as(reply.explain("creating the user '" + userName + "' through the service must "
                + "succeed with 201: the core validates the body and calls create(), which stores it and returns it "
                + "with its id and meta")).isEqualTo(201);
        return reply.id();
    }

    /** Creates a group through the service ({@code POST /Groups}) and returns its id. */
    String createGroup(String displayName, String... memberIds) {
        Reply reply = post("/Groups", ContractFixtures.groupJson(displayName, memberIds));
        assertThat(reply.status()).as(reply.explain("creating the group '" + displayName + "' with " + memberIds.length
                + " members through the service must succeed with 201: the core hands create() the body and the "
                + "members separately (ResourceCreate.members())")).isEqualTo(201);
        return reply.id();
    }

    private Reply send(String method, String path, String rawQuery, @Nullable String json, String line) {
        HttpHeaders headers = json == null ? HttpHeaders.EMPTY
                : HttpHeaders.of("Content-Type", "application/scim+json; charset=utf-8");
        ScimRequest request = new ScimRequest(method, path, rawQuery, headers,
                json == null ? new byte[0] : json.getBytes(UTF_8), principal, null);
        failures.drain();
        ScimResponse response = service.handle(request);
        return new Reply(line, response, failures.drain());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, UTF_8).replace("+", "%20");
    }

    /**
     * One response, with the request line it answers and what the stores threw meanwhile.
     *
     * @param request the request, readably: method, path, decoded query, body
     * @param storeFailures the stores' unexpected exceptions, described; empty if none
     */
    record Reply(String request, ScimResponse response, String storeFailures) {
        private static final int SHOWN = 1200;

        int status() {
            return response.status();
        }

        String text() {
            return response.bodyText();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException notJson) {
                throw new AssertionError(explain("the service answered with a body that is not JSON"), notJson);
            }
        }

        String id() {
            return json().path("id").asText();
        }

        /** The {@code ETag} header, else {@code meta.version}. */
        @Nullable String etag() {
            return response.header("ETag").orElseGet(() -> {
                JsonNode version = json().path("meta").path("version");
                return version.isTextual() ? version.asText() : null;
            });
        }

        /** The {@code Resources} of a ListResponse (RFC 7644 §3.4.2). */
        List<JsonNode> resources() {
            List<JsonNode> resources = new ArrayList<>();
            json().path("Resources").forEach(resources::add);
            return resources;
        }

        /** The text of an attribute of each resource of a ListResponse, in order. */
        List<String> values(String attribute) {
            List<String> values = new ArrayList<>();
            resources().forEach(resource -> values.add(resource.path(attribute).asText("<no " + attribute + ">")));
            return values;
        }

        long totalResults() {
            return json().path("totalResults").asLong(-1);
        }

        @Nullable String nextCursor() {
            JsonNode next = json().path("nextCursor");
            return next.isTextual() ? next.asText() : null;
        }

        /** The member ids of a group body, in order. */
        List<String> memberIds() {
            List<String> ids = new ArrayList<>();
            json().path("members").forEach(member -> ids.add(member.path("value").asText()));
            return ids;
        }

        /** A failure message: the rule, then what the service answered and what the stores threw. */
        String explain(String rule) {
            return rule + "\n  " + describe();
        }

        /** The request, the status, the start of the body and the stores' failures. */
        String describe() {
            String body = text();
            if (body.length() > SHOWN) {
                body = body.substring(0, SHOWN) + "...";
            }
            return request + " answered " + status() + (body.isEmpty() ? "" : ": " + body) + storeFailures;
        }
    }
}
