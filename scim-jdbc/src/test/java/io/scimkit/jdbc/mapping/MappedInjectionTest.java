package io.scimkit.jdbc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL injection and LIKE wildcards through filters on mapped columns: values full of SQL syntax,
 * {@code %}, {@code _} and {@code \} in {@code userName} (LOWER(login)), {@code externalId}
 * (object_id, caseExact) and the work email (email, through a value path) match literally, exactly
 * what a Java string test selects, and the tables stay intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappedInjectionTest {
    static final List<String> VALUES = List.of("plain", "o'brien", "x' OR '1'='1", "a%b", "aXb", "a_b", "a\\b", "ab\\",
            "--comment", "x; DROP TABLE app_user; --", "/*c*/", "100%", "under_", "\"quoted\"", "%", "_", "Mixed_Case%");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();

    private AppDatabase database;
    private UserStore users;
    private StoreContext context;

    AppDatabase database() {
        return AppDatabase.h2(AppDatabase.Shape.NUMERIC);
    }

    @BeforeAll
    void createUsers() {
        database = database();
        users = AppDatabase.numericStores(database.dataSource(), REGISTRY).users();
        context = new StoreContext("injection-" + UUID.randomUUID(), "test", USER, Projection.none(REGISTRY, USER),
                Instant.parse("2025-01-01T00:00:00Z"));
        ResourceCodec codec = ResourceCodec.of(REGISTRY);
        for (String value : VALUES) {
            String json = "{\"userName\":" + quote(value) + ",\"externalId\":" + quote(value)
                    + ",\"emails\":[{\"type\":\"work\",\"value\":" + quote(value) + "}]}";
            users.create(context, ResourceCreate.of(codec.read(json.getBytes(StandardCharsets.UTF_8), USER)));
        }
    }

    @AfterAll
    void drop() {
        database.close();
    }

    static Stream<Arguments> filters() {
        List<Arguments> rows = new ArrayList<>();
        for (String attribute : List.of("userName", "externalId", "emails[type eq \"work\"].value")) {
            for (String value : VALUES) {
                rows.add(Arguments.of(attribute, "eq", value));
            }
            rows.add(Arguments.of(attribute, "eq", "MIXED_case%"));
            for (String part : List.of("'", "%", "_", "\\", "--", "/*", "' OR '1'='1", ";", "\"", "a_", "a%", "%b", "e_C")) {
                for (String op : List.of("co", "sw", "ew")) {
                    rows.add(Arguments.of(attribute, op, part));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\"")
    @MethodSource("filters")
    void filtersMatchLiterally(String attribute, String op, String operand) {
        String text = attribute + " " + op + " " + quote(operand);
        Filter filter = FilterParser.parse(text);
        assertThat(users.capabilities().evaluates(filter)).as("pushed down: %s", text).isTrue();
        List<String> found = new ArrayList<>();
        for (ScimResource user : users.search(context, new StoreQuery(filter, null, new Paging.Index(1, 100))).resources()) {
            found.add(((StringValue) user.get("userName").orElseThrow()).value());
        }
        boolean caseExact = attribute.equals("externalId");
        String wanted = caseExact ? operand : operand.toLowerCase(Locale.ROOT);
        Predicate<String> matches = value -> {
            String candidate = caseExact ? value : value.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "eq" -> candidate.equals(wanted);
                case "co" -> candidate.contains(wanted);
                case "sw" -> candidate.startsWith(wanted);
                default -> candidate.endsWith(wanted);
            };
        };
        assertThat(found).as(text).containsExactlyInAnyOrderElementsOf(VALUES.stream().filter(matches).toList());
        assertThat(users.search(context, new StoreQuery(null, null, new Paging.Index(1, 0))).totalResults())
                .as("the table is intact").isEqualTo(VALUES.size());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
