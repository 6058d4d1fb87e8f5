package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ScimEndpoint#serve}, the container-neutral entry point (RFC 7644 §3), without any runtime:
 * what a Jetty handler or a servlet would pass and get back.
 */
class ScimEndpointServeTest {
    private static final String TOKEN = "serve-token-0123456789abcdef";
    private static final URI APPLICATION = URI.create("http://10.0.0.7:8080/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimEndpoint endpoint = endpoint(true);

    private static ScimEndpoint endpoint(boolean locationFromRequest) {
        InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
        ScimService service = ScimService.builder()
                .baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(stores.users())
                .groupStore(stores.groups())
                .limits(ServiceLimits.defaults().withMaxPayloadSize(1000).withBulk(10, 1000))
                .build();
        return ScimEndpoint.builder(service).basePath("/scim/v2")
                .authenticator(BearerTokenAuthenticator.singleTenant(TOKEN))
                .locationFromRequest(locationFromRequest)
                .build();
    }

    private static Map<String, List<String>> authorized(String... more) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("authorization", List.of("Bearer " + TOKEN));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], List.of(more[i + 1]));
        }
        return headers;
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String ALICE = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"alice@example.com\"}";

    @Test
    void createsAUserWithLocationFromTheApplicationBaseTheContainerSaw() throws Exception {
        ScimEndpoint.Reply reply = endpoint.serve("POST", "/scim/v2/Users", null, APPLICATION, authorized(),
                body(ALICE)).orElseThrow();

        assertThat(reply.response().status()).isEqualTo(201);
        assertThat(reply.contentType()).isEqualTo("application/scim+json");
        String location = reply.response().header("Location").orElseThrow();
        assertThat(location).startsWith("http://10.0.0.7:8080/scim/v2/Users/");
        JsonNode created = JSON.readTree(reply.response().body());
        assertThat(created.path("meta").path("location").asText()).isEqualTo(location);

        ScimEndpoint.Reply read = endpoint.serve("GET", location.substring("http://10.0.0.7:8080".length()), null,
                APPLICATION, authorized(), null).orElseThrow();
        assertThat(read.response().status()).isEqualTo(200);
        assertThat(JSON.readTree(read.response().body()).path("userName").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void withoutLocationFromRequestTheConfiguredBaseUriIsUsed() {
        ScimEndpoint.Reply reply = endpoint(false).serve("POST", "scim/v2/Users", null, APPLICATION, authorized(),
                body(ALICE)).orElseThrow();

        assertThat(reply.response().header("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://scim.example.com/scim/v2/Users/"));
    }

    @Test
    void theRawQueryIsDecodedByTheServiceWithPlusAsSpace() throws Exception {
        endpoint.serve("POST", "/scim/v2/Users", null, APPLICATION, authorized(), body(ALICE)).orElseThrow();

        ScimEndpoint.Reply found = endpoint.serve("GET", "/scim/v2/Users",
                "filter=userName+eq+%22alice%40example.com%22", APPLICATION, authorized(), null).orElseThrow();

        assertThat(found.response().status()).isEqualTo(200);
        assertThat(JSON.readTree(found.response().body()).path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void aPathOutsideTheBasePathIsNotAScimRequest() {
        assertThat(endpoint.serve("GET", "/health/live", null, APPLICATION, authorized(), null)).isEmpty();
        assertThat(endpoint.serve("GET", "/scim/v2x/Users", null, APPLICATION, authorized(), null)).isEmpty();
    }

    @Test
    void aRefusedCallerGets401WithTheReasonAndTheChallenge() throws Exception {
        ScimEndpoint.Reply reply = endpoint.serve("GET", "/scim/v2/Users", null, APPLICATION,
                Map.of("Authorization", List.of("Bearer wrong")), null).orElseThrow();

        assertThat(reply.response().status()).isEqualTo(401);
        assertThat(reply.response().header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(JSON.readTree(reply.response().body()).path("detail").asText()).isNotBlank()
                .doesNotContain("wrong");
    }

    @Test
    void aBodyOverThePayloadLimitIs413() {
        String big = ALICE.replace("}", ",\"displayName\":\"" + "x".repeat(2000) + "\"}");

        ScimEndpoint.Reply reply = endpoint.serve("POST", "/scim/v2/Users", null, APPLICATION, authorized(),
                body(big)).orElseThrow();

        assertThat(reply.response().status()).isEqualTo(413);
    }

    @Test
    void anEncodedSlashBelowTheBasePathIs404() {
        ScimEndpoint.Reply reply = endpoint.serve("GET", "/scim/v2/Users/a%2Fb", null, APPLICATION, authorized(),
                null).orElseThrow();

        assertThat(reply.response().status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/scim+json");
    }

    @Test
    void theContentTypeFollowsAccept() {
        Optional<ScimEndpoint.Reply> json = endpoint.serve("GET", "/scim/v2/Users", null, APPLICATION,
                authorized("Accept", "application/json"), null);
        Optional<ScimEndpoint.Reply> either = endpoint.serve("GET", "/scim/v2/Users", null, APPLICATION,
                authorized("Accept", "application/json, application/scim+json"), null);

        assertThat(json.orElseThrow().contentType()).isEqualTo("application/json");
        assertThat(either.orElseThrow().contentType()).isEqualTo("application/scim+json");
    }
}
