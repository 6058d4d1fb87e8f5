package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.ERROR_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.FailureLog.Failure;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.memory.InMemoryStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An unexpected exception in a store becomes an RFC 7644 §3.12 500 whose detail carries only an
 * error id, and the log line carries the same id, the method, the path and the exception.
 */
class DispatcherFailureTest {
    private static final Pattern DETAIL = Pattern.compile(
            "the service provider failed to process the request \\(error id ([0-9A-HJKMNP-TV-Z]{12})\\)");
    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.secret-token";

    private final SchemaRegistry registry = SchemaRegistry.core();
    private final Map<String, ResourceStore> failingStores = failingStores(registry);
    private final ScimService service = ScimService.builder().baseUri(BASE).schemas(registry)
            .store("User", failingStores.get("User")).store("Group", failingStores.get("Group")).build();
    private final List<Failure> logged = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(TestConfigs.of(registry, failingStores),
            new FailureLog(logged::add));

    private static Map<String, ResourceStore> failingStores(SchemaRegistry registry) {
        InMemoryStores stores = InMemoryStores.create(registry);
        return Map.of("User", new FailingUserStore(stores.users()), "Group", stores.groups());
    }

    /** Requests that reach the failing store: get, search (by query and by POST) and create. */
    static Stream<Arguments> failingRequests() {
        return Stream.of(
                Arguments.of("get", request("GET", "/Users/2819c223", "", null), "/Users/2819c223"),
                Arguments.of("search", request("GET", "/Users", "filter=userName%20eq%20%22secret-filter-value%22", null),
                        "/Users"),
                Arguments.of("search by POST", request("POST", "/Users/.search", "", """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                         "filter":"userName eq \\"secret-filter-value\\""}"""), "/Users/.search"),
                Arguments.of("create", request("POST", "/Users", "", """
                        {"schemas":["%s"],"userName":"secret-body-value"}""".formatted(USER_URN)), "/Users"));
    }

    private static ScimRequest request(String method, String path, String rawQuery, String json) {
        ScimRequest request = new ScimRequest(method, path, rawQuery,
                HttpHeaders.of("Authorization", TOKEN, "Content-Type", ScimResponse.SCIM_JSON),
                json == null ? new byte[0] : json.getBytes(UTF_8), Requests.ALICE, null);
        return request;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingRequests")
    void storeFailureIs500WithAnErrorIdAndNothingInternal(String operation, ScimRequest request, String path) {
        ScimResponse response = dispatcher.dispatch(request);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).contains(ScimResponse.SCIM_JSON);
        JsonNode body = Requests.json(response);
        assertThat(body.path("schemas")).hasSize(1);
        assertThat(body.path("schemas").get(0).asText()).isEqualTo(ERROR_URN);
        assertThat(body.path("status").isTextual()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("500");
        assertThat(body.has("scimType")).isFalse();
        assertThat(body.path("detail").asText()).matches(DETAIL);
        assertThat(response.bodyText())
                .doesNotContain("SELECT", "secret_table", "hunter2", "IllegalStateException", "java.", "Exception",
                        "FailingUserStore", "\tat ", "secret-filter-value", "secret-body-value", "secret-token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingRequests")
    void logLineHasTheSameIdTheMethodThePathAndTheException(String operation, ScimRequest request, String path) {
        ScimResponse response = dispatcher.dispatch(request);

        assertThat(logged).hasSize(1);
        Failure failure = logged.get(0);
        assertThat(failure.errorId()).isEqualTo(errorId(response));
        assertThat(failure.method()).isEqualTo(request.method());
        assertThat(failure.path()).isEqualTo(path);
        assertThat(failure.cause()).isInstanceOf(IllegalStateException.class).hasMessage(FailingUserStore.SQL);
        assertThat(failure.message())
                .startsWith("error id " + failure.errorId() + ": ")
                .contains(request.method() + " " + path)
                // Never the query string (filter values), the headers (tokens) or the body.
                .doesNotContain("?", "filter", "secret-filter-value", "secret-token", "Bearer", "secret-body-value");
    }

    @Test
    void theServiceLogsThroughItsStandardFailureLog() {
        // ScimService's own dispatcher (SLF4J here: slf4j-simple prints the trace to stderr).
        ScimResponse response = service.handle(request("GET", "/Users/2819c223", "", null));

        assertThat(errorId(response)).hasSize(12);
        assertThat(response.bodyText()).doesNotContain("SELECT", "secret_table", "IllegalStateException");
        assertThat(logged).isEmpty();
    }

    @Test
    void anAdaptersOwnFailureIsAnsweredAndLoggedTheSameWay() {
        IllegalStateException cause = new IllegalStateException(FailingUserStore.SQL);
        ScimResponse response = dispatcher.failed("PATCH", "/Users/2819c223", cause);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("SELECT", "secret_table", "IllegalStateException");
        assertThat(logged).singleElement().satisfies(failure -> {
            assertThat(failure.errorId()).isEqualTo(errorId(response));
            assertThat(failure.method()).isEqualTo("PATCH");
            assertThat(failure.path()).isEqualTo("/Users/2819c223");
            assertThat(failure.cause()).isSameAs(cause);
        });
        assertThat(errorId(service.failure("GET", "/Users", cause))).as("ScimService.failure").hasSize(12);
    }

    @Test
    void everyFailureGetsItsOwnId() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(errorId(dispatcher.dispatch(request("GET", "/Users/" + i, "", null))));
        }

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(logged).extracting(Failure::errorId).containsExactlyElementsOf(ids);
    }

    @Test
    void aFailingBulkOperationReportsItsOwnErrorIdAndPath() {
        String bulk = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"u1","data":{"schemas":["%s"],"userName":"bjensen"}}]}"""
                .formatted(USER_URN);

        ScimResponse response = dispatcher.dispatch(request("POST", "/Bulk", "", bulk));

        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        JsonNode operation = Requests.json(response).path("Operations").get(0);
        assertThat(operation.path("status").asText()).isEqualTo("500");
        Matcher detail = DETAIL.matcher(operation.path("response").path("detail").asText());
        assertThat(detail.matches()).as(response.bodyText()).isTrue();
        assertThat(response.bodyText()).doesNotContain("SELECT", "secret_table", "IllegalStateException");
        assertThat(logged).singleElement().satisfies(failure -> {
            assertThat(failure.errorId()).isEqualTo(detail.group(1));
            assertThat(failure.method()).isEqualTo("POST");
            assertThat(failure.path()).isEqualTo("/Users");
        });
    }

    @Test
    void aClientErrorIsNotLogged() {
        ScimResponse response = dispatcher.dispatch(request("GET", "/NoSuchEndpoint", "", null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(logged).isEmpty();
    }

    private static String errorId(ScimResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(500);
        Matcher detail = DETAIL.matcher(Requests.json(response).path("detail").asText());
        assertThat(detail.matches()).as(response.bodyText()).isTrue();
        return detail.group(1);
    }
}
