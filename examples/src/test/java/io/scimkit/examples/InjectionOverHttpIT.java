package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7 / DESIGN.md §7, through HTTP: filters built to inject SQL (quotes, comments, LIKE
 * wildcards, backslashes) match literally — exactly the users a Java string comparison selects —
 * on the example server over H2 and over PostgreSQL (skipped, with the reason, without one). The
 * store's own table test (scim-jdbc InjectionCases) covers more operands without HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionOverHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> USER_NAMES = List.of("plain", "o'brien", "x' OR '1'='1", "a%b", "aXb", "a_b",
            "a\\b", "--comment", "x; DROP TABLE scim_resource; --", "100%", "%", "_");

    @TempDir
    static Path temp;
    private ExampleServer h2;
    private ScimHttp h2Http;
    private Object postgres = "not probed";
    private ExampleServer pg;
    private ScimHttp pgHttp;

    @BeforeAll
    void start() throws Exception {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        h2 = start(TestStores.h2(temp), tenant);
        h2Http = seeded(h2, tenant);
        postgres = TestStores.postgresOrReason();
        if (postgres instanceof TestStores.Postgres database) {
            TestStores.Tenant pgTenant = TestStores.Tenant.fresh(temp);
            pg = start(database.storeWithCredentials(), pgTenant);
            pgHttp = seeded(pg, pgTenant);
        }
    }

    @AfterAll
    void stop() {
        if (h2 != null) {
            h2.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    static Stream<Arguments> filters() {
        List<Arguments> rows = new ArrayList<>();
        for (String name : List.of("o'brien", "x' OR '1'='1", "a%b", "a_b", "a\\b", "%", "_")) {
            rows.add(Arguments.of("eq", name));
        }
        for (String part : List.of("'", "%", "_", "\\", "--", "' OR '1'='1", ";", "a_", "%b")) {
            rows.add(Arguments.of("co", part));
        }
        rows.add(Arguments.of("sw", "a%"));
        rows.add(Arguments.of("ew", "_b"));
        return rows.stream();
    }

    @ParameterizedTest(name = "H2: userName {0} \"{1}\"")
    @MethodSource("filters")
    void filtersMatchLiterallyOnH2(String op, String operand) {
        check(h2Http, op, operand);
    }

    @ParameterizedTest(name = "PostgreSQL: userName {0} \"{1}\"")
    @MethodSource("filters")
    void filtersMatchLiterallyOnPostgres(String op, String operand) {
        TestStores.requirePostgres(postgres);
        check(pgHttp, op, operand);
    }

    private static void check(ScimHttp http, String op, String operand) {
        String filter = "userName " + op + " " + quote(operand);
        ScimHttp.Answer answer = http.get("/Users?count=100&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        answer.body().path("Resources").forEach(user -> found.add(user.path("userName").asText()));
        String folded = operand.toLowerCase(Locale.ROOT);
        Predicate<String> expected = switch (op) {
            case "eq" -> name -> name.equalsIgnoreCase(operand);
            case "co" -> name -> name.toLowerCase(Locale.ROOT).contains(folded);
            case "sw" -> name -> name.toLowerCase(Locale.ROOT).startsWith(folded);
            default -> name -> name.toLowerCase(Locale.ROOT).endsWith(folded);
        };
        assertThat(found).as(filter).containsExactlyInAnyOrderElementsOf(USER_NAMES.stream().filter(expected).toList());
        assertThat(http.get("/Users?count=0").body().path("totalResults").asInt()).as("the table is intact")
                .isEqualTo(USER_NAMES.size());
    }

    private static ScimHttp seeded(ExampleServer server, TestStores.Tenant tenant) throws Exception {
        ScimHttp http = new ScimHttp(server.baseUri(), "Bearer " + tenant.token());
        for (String name : USER_NAMES) {
            String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":"
                    + JSON.writeValueAsString(name) + "}";
            assertThat(http.post("/Users", body).status()).as(name).isEqualTo(201);
        }
        return http;
    }

    private static ExampleServer start(String store, TestStores.Tenant tenant) {
        return ExampleServer.start(ServerOptions.defaults().withStore(store).withPort(0).withTenantsFile(tenant.file()),
                ServerEnvironment.standard().withoutRequestLogs()
                        .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
