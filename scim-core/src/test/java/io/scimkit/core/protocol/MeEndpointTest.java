package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.Requests.ALICE;
import static io.scimkit.core.protocol.Requests.get;
import static io.scimkit.core.protocol.Requests.json;
import static io.scimkit.core.protocol.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /Me} (RFC 7644 §3.11; digest §10.2 P-ME rows, K-55). */
class MeEndpointTest {
    private static final String BASE = "https://acme.example.com/scim/v2";
    private static final String USER = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";

    /** Principal name to user id, filled as users are created. */
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final ScimService scim = service(true);

    private ScimService service(boolean withResolver) {
        InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
        ScimService.Builder builder = ScimService.builder().baseUri(URI.create(BASE)).userStore(stores.users())
                .groupStore(stores.groups());
        if (withResolver) {
            builder.meResolver(principal -> Optional.ofNullable(accounts.get(principal.name())));
        }
        return builder.build();
    }

    private String createAlice() {
        ScimResponse created = scim.handle(request("POST", "/Users", "{" + USER + ",'userName':'alice'}", ALICE));
        String id = json(created).get("id").asText();
        accounts.put(ALICE.name(), id);
        return id;
    }

    /** P-ME-01, K-55: without a resolver every method answers 501 with an error body. */
    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
    void withoutResolverEveryMethodIs501(String method) {
        ScimResponse response = service(false).handle(request(method, "/Me", method.equals("GET") ? null : "{}", ALICE));
        assertThat(response.status()).isEqualTo(501);
        assertThat(json(response).get("schemas")).isEqualTo(json("['urn:ietf:params:scim:api:messages:2.0:Error']"));
        assertThat(json(response).get("status").asText()).isEqualTo("501");
    }

    /** P-ME-03, P-ME-04: GET /Me is GET /Users/{id}, and Location names the permanent URI. */
    @Test
    void getMeServesTheSubjectsUser() {
        String id = createAlice();

        ScimResponse me = scim.handle(get("/Me"));
        ScimResponse direct = scim.handle(get("/Users/" + id));

        assertThat(me.status()).isEqualTo(200);
        assertThat(json(me)).isEqualTo(json(direct));
        assertThat(me.header("Location")).contains(BASE + "/Users/" + id);
        assertThat(me.header("ETag")).isEqualTo(direct.header("ETag"));
        assertThat(json(scim.handle(get("/Me?attributes=userName"))).has("name")).isFalse();
    }

    /** P-ME-04: PATCH, PUT and DELETE on /Me act on the subject's user. */
    @Test
    void writesOnMeChangeTheSubjectsUser() {
        String id = createAlice();

        ScimResponse patched = scim.handle(request("PATCH", "/Me", "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','path':'displayName','value':'Alice A.'}]}", ALICE));
        assertThat(patched.status()).isIn(200, 204);
        assertThat(patched.header("Location")).contains(BASE + "/Users/" + id);
        assertThat(json(scim.handle(get("/Users/" + id))).get("displayName").asText()).isEqualTo("Alice A.");

        ScimResponse replaced = scim.handle(request("PUT", "/Me", "{" + USER + ",'userName':'alice','nickName':'Al'}", ALICE));
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode user = json(scim.handle(get("/Users/" + id)));
        assertThat(user.get("nickName").asText()).isEqualTo("Al");
        assertThat(user.has("displayName")).isFalse();

        assertThat(scim.handle(request("DELETE", "/Me", null, ALICE)).status()).isEqualTo(204);
        assertThat(scim.handle(get("/Users/" + id)).status()).isEqualTo(404);
        assertThat(scim.handle(get("/Me")).status()).isEqualTo(404);
    }

    /** A subject the resolver does not map to a user gets 404. */
    @Test
    void unknownSubjectIs404() {
        createAlice();
        ScimResponse response = scim.handle(request("GET", "/Me", null, ScimPrincipal.of("mallory")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("status").asText()).isEqualTo("404");
    }

    /** P-ME-05, P-ME-06: self-registration is not offered. */
    @Test
    void postMeIsNotImplemented() {
        ScimResponse response = scim.handle(request("POST", "/Me", "{" + USER + ",'userName':'new'}", ALICE));
        assertThat(response.status()).isEqualTo(501);
        assertThat(json(scim.handle(get("/Users?filter=userName+eq+%22new%22"))).get("totalResults").asInt()).isZero();
    }

    @Test
    void otherPathsAndMethodsAndAnonymousCallers() {
        createAlice();
        assertThat(scim.handle(get("/Me/groups")).status()).isEqualTo(404);
        ScimResponse head = scim.handle(request("OPTIONS", "/Me", null, ALICE));
        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).contains("GET, PUT, PATCH, DELETE");
        assertThat(scim.handle(request("GET", "/Me", null, null)).status()).isEqualTo(401);
        assertThat(scim.handle(get("/me/")).status()).isEqualTo(200);
    }

    /** The resolver's answer stays inside the caller's tenant: an id of another tenant is 404. */
    @Test
    void meStaysInsideTheCallersTenant() {
        String id = createAlice();
        ScimPrincipal otherTenant = new ScimPrincipal("tenant-b", ALICE.name());
        assertThat(scim.handle(request("GET", "/Me", null, otherTenant)).status()).isEqualTo(404);
        assertThat(scim.handle(request("DELETE", "/Me", null, otherTenant)).status()).isEqualTo(404);
        assertThat(scim.handle(get("/Users/" + id)).status()).isEqualTo(200);
    }
}
