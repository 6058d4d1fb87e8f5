package io.scimkit.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule {@code filter-string-operands} with the JDBC store on H2 (RFC 7644 §3.4.2.2): the core types
 * {@code active eq "true"} before the store sees the filter, so the store evaluates it in SQL
 * instead of listing every user for the core to filter.
 */
class FilterOperandPushdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final HikariDataSource dataSource = TestDatabases.h2Memory();
    private final List<StoreQuery> queries = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void theTypedOperandIsPushedDownToSql() throws Exception {
        ScimService service = service(ClientDialect.lenient());
        create(service, "on", true);
        create(service, "off", false);
        queries.clear();

        JsonNode active = json(get(service, "filter=active+eq+%22true%22"));
        assertThat(active.path("totalResults").asInt()).isEqualTo(1);
        assertThat(active.path("Resources").get(0).path("userName").asText()).isEqualTo("on");
        Filter typed = FilterParser.parse("active eq true");
        assertThat(queries).singleElement().satisfies(query -> assertThat(query.filter()).isEqualTo(typed));
        assertThat(JdbcStores.create(dataSource, SchemaRegistry.core()).users().capabilities().evaluates(typed))
                .as("the store evaluates the typed filter itself").isTrue();

        queries.clear();
        JsonNode inactive = json(get(service, "filter=active+eq+%22FALSE%22+and+userName+sw+%22o%22"));
        assertThat(inactive.path("Resources").get(0).path("userName").asText()).isEqualTo("off");
        assertThat(queries).singleElement().satisfies(query -> assertThat(query.filter())
                .isEqualTo(FilterParser.parse("active eq false and userName sw \"o\"")));
    }

    @Test
    void aDateTimeStringIsPushedDownInBothDialects() throws Exception {
        for (ClientDialect dialect : List.of(ClientDialect.strict(), ClientDialect.lenient())) {
            ScimService service = service(dialect);
            create(service, "dated-" + dialect.rules().size(), true);
            queries.clear();
            JsonNode recent = json(get(service, "filter=meta.lastModified+gt+%222000-01-01T00:00:00Z%22"));
            assertThat(recent.path("totalResults").asInt()).isPositive();
            assertThat(queries).singleElement().satisfies(query -> assertThat(query.filter())
                    .isEqualTo(FilterParser.parse("meta.lastModified gt \"2000-01-01T00:00:00Z\"")));
        }
    }

    @Test
    void strictRefusesTheStringBeforeTheStoreIsAsked() {
        ScimService service = service(ClientDialect.strict());
        queries.clear();
        ScimResponse refused = get(service, "filter=active+eq+%22true%22");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("invalidFilter");
        assertThat(queries).isEmpty();
    }

    private ScimService service(ClientDialect dialect) {
        JdbcStores stores = JdbcStores.create(dataSource, SchemaRegistry.core());
        return ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                .schemas(SchemaRegistry.core()).userStore(new Recording(stores.users(), queries))
                .groupStore(stores.groups()).dialect(dialect).build();
    }

    private static void create(ScimService service, String userName, boolean active) {
        byte[] body = ("{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName + "\",\"active\":" + active
                + "}").getBytes(UTF_8);
        ScimResponse created = service.handle(new ScimRequest("POST", "/Users", "",
                HttpHeaders.of("Content-Type", "application/scim+json"), body, ScimPrincipal.of("t"), null));
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
    }

    private static ScimResponse get(ScimService service, String query) {
        return service.handle(new ScimRequest("GET", "/Users", query, HttpHeaders.EMPTY, new byte[0],
                ScimPrincipal.of("t"), null));
    }

    private static JsonNode json(ScimResponse response) throws Exception {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return JSON.readTree(response.bodyText());
    }

    /** The user store, recording every query it is asked. */
    private record Recording(ResourceStore delegate, List<StoreQuery> queries)
            implements UserStore, ForwardingResourceStore {
        @Override
        public StorePage search(StoreContext context, StoreQuery query) {
            queries.add(query);
            return delegate.search(context, query);
        }
    }
}
