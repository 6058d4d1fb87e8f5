package io.scimkit.jdbc;

import io.scimkit.core.store.ResourceCreate;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The SQL-injection table (DESIGN.md §7): userNames full of SQL syntax and LIKE wildcards, and
 * filters made of them, which must match literally (exactly the users a Java string test selects)
 * and nothing else, with the tables intact afterwards.
 */
final class InjectionCases {
    static final List<String> USER_NAMES = List.of("plain", "o'brien", "x' OR '1'='1", "a%b", "aXb", "a_b", "a\\b",
            "ab\\", "--comment", "x; DROP TABLE scim_resource; --", "/*c*/", "100%", "under_", "\"quoted\"", "%", "_");

    private InjectionCases() {
    }

    static Stream<Arguments> filters() {
        List<Arguments> rows = new ArrayList<>();
        for (String name : USER_NAMES) {
            rows.add(Arguments.of("eq", name));
        }
        for (String part : List.of("'", "%", "_", "\\", "--", "/*", "' OR '1'='1", ";", "\"", "a_", "a%", "%b")) {
            rows.add(Arguments.of("co", part));
            rows.add(Arguments.of("sw", part));
            rows.add(Arguments.of("ew", part));
        }
        return rows.stream();
    }

    /** Creates the users in a fresh tenant and checks one filter against the Java answer. */
    static void check(DataSource dataSource, String op, String operand) {
        SchemaRegistry registry = SchemaRegistry.core();
        JdbcStores stores = JdbcStores.create(dataSource, registry);
        ResourceType userType = registry.resourceType("User").orElseThrow();
        StoreContext context = new StoreContext("injection-" + UUID.randomUUID(), "test", userType, Projection.none(registry, userType), Instant.parse("2025-01-01T00:00:00Z"));
        ResourceCodec codec = ResourceCodec.of(registry);
        for (String name : USER_NAMES) {
            String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":"
                    + quote(name) + "}";
            stores.users().create(context, ResourceCreate.of(codec.read(json.getBytes(StandardCharsets.UTF_8), userType)));
        }
        String filterText = "userName " + op + " " + quote(operand);
        var filter = FilterParser.parse(filterText, FilterSettings.lenient());
        assertThat(stores.users().capabilities().evaluates(filter)).as("pushed down: %s", filterText).isTrue();
        List<String> found = new ArrayList<>();
        for (ScimResource user : stores.users().search(context, new StoreQuery(filter, null, new Paging.Index(1, 100)))
                .resources()) {
            found.add(((StringValue) user.get("userName").orElseThrow()).value());
        }
        String folded = operand.toLowerCase(Locale.ROOT);
        Predicate<String> expected = switch (op) {
            case "eq" -> name -> name.equalsIgnoreCase(operand);
            case "co" -> name -> name.toLowerCase(Locale.ROOT).contains(folded);
            case "sw" -> name -> name.toLowerCase(Locale.ROOT).startsWith(folded);
            default -> name -> name.toLowerCase(Locale.ROOT).endsWith(folded);
        };
        assertThat(found).as(filterText).containsExactlyInAnyOrderElementsOf(
                USER_NAMES.stream().filter(expected).toList());
        assertThat(stores.users().search(context, new StoreQuery(null, null, new Paging.Index(1, 0))).totalResults())
                .as("the table is intact").isEqualTo(USER_NAMES.size());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
