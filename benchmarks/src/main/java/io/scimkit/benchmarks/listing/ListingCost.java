package io.scimkit.benchmarks.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.jdbc.JdbcStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The cost of listing 1,000 users sorted by {@code userName} (RFC 7644 §3.4.2.3, §3.4.2.4) through
 * {@link ScimService#handle}, in process, with a large population on the memory store, H2 or
 * PostgreSQL. Prints, per query, the median and 90th percentile of the wall time and of the
 * calling thread's CPU time per request. Before measuring, each query's page is checked against a
 * naive sort of the population (case-insensitive userName), so a faster wrong answer fails.
 *
 * <p>Usage: {@code ListingCost memory|h2|postgres [users] [requests per query] [rounds]}. PostgreSQL
 * reads {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER}, {@code SCIMKIT_PG_PASSWORD} and uses the
 * schema named by {@code -Dlisting.schema} (default {@code listing_bench}), which it creates and
 * fills once and reuses afterwards when it already holds the population.
 *
 * <p>Users: the Entra sample user copied with userName {@code User<k>@contoso.example} (every second
 * one spelt {@code user<k>…}) where {@code k = n * 7919 mod users}, so creation order is not name
 * order and the case differs between neighbours. JDBC stores are filled with SQL copies of a
 * template user the service created (every row is what the store writes), the memory store through
 * the service.
 */
public final class ListingCost {
    private static final ScimPrincipal CLIENT = ScimPrincipal.of("listing");
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json; charset=utf-8");
    private static final String TEMPLATE_NAME = "alice@contoso.example";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ListingCost() {
    }

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "memory";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        AutoCloseable resource = null;
        ScimService service;
        long loadStart = System.nanoTime();
        switch (store) {
            case "memory" -> {
                service = service(InMemoryStores.create(SchemaRegistry.core()).users(),
                        InMemoryStores.create(SchemaRegistry.core()).groups());
                fillThroughService(service, users);
            }
            case "h2" -> {
                HikariDataSource pool = pool("jdbc:h2:mem:listing;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "",
                        null);
                resource = pool;
                JdbcStores stores = JdbcStores.create(pool, SchemaRegistry.core());
                service = service(stores.users(), stores.groups());
                fillWithSql(service, pool, users, "SELECT X AS n FROM SYSTEM_RANGE(1, %d)", "RANDOM_UUID()");
            }
            case "postgres" -> {
                String url = Objects.requireNonNull(System.getenv("SCIMKIT_PG_URL"), "SCIMKIT_PG_URL");
                String schema = System.getProperty("listing.schema", "listing_bench");
                try (Connection connection = java.sql.DriverManager.getConnection(url,
                        System.getenv("SCIMKIT_PG_USER"), System.getenv("SCIMKIT_PG_PASSWORD"));
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                }
                HikariDataSource pool = pool(url, System.getenv("SCIMKIT_PG_USER"), System.getenv("SCIMKIT_PG_PASSWORD"),
                        schema);
                resource = pool;
                JdbcStores stores = JdbcStores.create(pool, SchemaRegistry.core());
                service = service(stores.users(), stores.groups());
                if (total(service) < users) {
                    fillWithSql(service, pool, users, "SELECT n FROM generate_series(1, %d) AS n",
                            "gen_random_uuid()::text");
                    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                        statement.execute("ANALYZE scim_resource");
                        statement.execute("ANALYZE scim_email");
                    }
                }
            }
            default -> throw new IllegalArgumentException("store: memory, h2 or postgres");
        }
        System.out.printf(Locale.ROOT, "%s: %d users ready in %.1f s%n", store, total(service),
                (System.nanoTime() - loadStart) / 1e9);
        List<String> names = allNames(users);
        List<Query> queries = queries(users);
        for (Query query : queries) {
            check(service, query, names);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (Query query : queries) {
                for (int i = 0; i < Math.max(3, requests / 5); i++) {
                    send(service, query.text());
                }
                long[] wall = new long[requests];
                long[] cpu = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    send(service, query.text());
                    wall[i] = System.nanoTime() - wall0;
                    cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
                }
                System.out.printf(Locale.ROOT, "%s round %d %-34s wall p50 %8.2f ms p90 %8.2f ms   cpu p50 %8.2f ms p90 %8.2f ms%n",
                        store, round, query.name(), percentile(wall, 50), percentile(wall, 90), percentile(cpu, 50),
                        percentile(cpu, 90));
            }
        }
        if (resource != null) {
            resource.close();
        }
    }

    /** One request of the benchmark, and what its page must hold. */
    record Query(String name, String text, boolean descending, int startIndex, int count) {
    }

    private static List<Query> queries(int users) {
        int middle = users / 2 + 1;
        String active = "&filter=" + URLEncoder.encode("active eq true", StandardCharsets.UTF_8);
        return List.of(
                new Query("asc, first page", "sortBy=userName&count=1000", false, 1, 1000),
                new Query("asc, startIndex=" + middle, "sortBy=userName&count=1000&startIndex=" + middle, false, middle,
                        1000),
                new Query("desc, first page", "sortBy=userName&sortOrder=descending&count=1000", true, 1, 1000),
                new Query("asc, filter active eq true", "sortBy=userName&count=1000" + active, false, 1, 1000),
                new Query("asc, cursor (first page)", "sortBy=userName&count=1000&cursor=", false, 1, 1000));
    }

    /** Fails unless the query's page is the naive sort's page. */
    private static void check(ScimService service, Query query, List<String> ascending) throws IOException {
        JsonNode page = MAPPER.readTree(send(service, query.text()).bodyText());
        List<String> expected = new ArrayList<>(ascending);
        if (query.descending()) {
            java.util.Collections.reverse(expected);
        }
        int from = Math.min(expected.size(), query.startIndex() - 1);
        expected = expected.subList(from, Math.min(expected.size(), from + query.count()));
        List<String> actual = new ArrayList<>();
        page.get("Resources").forEach(resource -> actual.add(resource.get("userName").asText()));
        if (!actual.equals(expected) || page.get("totalResults").asLong() != ascending.size()) {
            throw new IllegalStateException(query.name() + ": wrong page (first " + actual.stream().limit(3).toList()
                    + ", expected " + expected.stream().limit(3).toList() + ", total " + page.get("totalResults") + ")");
        }
    }

    /** Every userName of the population (and the template), in case-insensitive order. */
    private static List<String> allNames(int users) {
        List<String> names = new ArrayList<>(users + 1);
        names.add(TEMPLATE_NAME);
        for (int n = 1; n <= users; n++) {
            names.add(name(n, users));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    static String name(long n, int users) {
        return (n % 2 == 0 ? "User" : "user") + (n * 7919 % users) + "@contoso.example";
    }

    private static ScimResponse send(ScimService service, String query) {
        ScimResponse response = service.handle(ScimRequest.of("GET", "/Users", CLIENT).withQuery(query));
        if (response.status() != 200) {
            throw new IllegalStateException(query + " answered " + response.status() + ": " + response.bodyText());
        }
        return response;
    }

    private static long total(ScimService service) throws IOException {
        return MAPPER.readTree(send(service, "count=0").bodyText()).get("totalResults").asLong();
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }

    private static ScimService service(io.scimkit.core.store.UserStore users, io.scimkit.core.store.GroupStore groups) {
        return ScimService.builder()
                .baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(users)
                .groupStore(groups)
                .build();
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        if (schema != null) {
            config.setSchema(schema);
        }
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static String template() {
        try (InputStream in = ListingCost.class.getResourceAsStream("/io/scimkit/benchmarks/entra-create-user.json")) {
            return new String(Objects.requireNonNull(in, "entra-create-user.json").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void create(ScimService service, String body) {
        ScimResponse response = service.handle(ScimRequest.of("POST", "/Users", CLIENT).withHeaders(JSON)
                .withBody(body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 201) {
            throw new IllegalStateException("create answered " + response.status() + ": " + response.bodyText());
        }
    }

    private static void fillThroughService(ScimService service, int users) {
        String template = template();
        create(service, template);
        for (int n = 1; n <= users; n++) {
            create(service, template.replace(TEMPLATE_NAME, name(n, users)).replace("\"alice\"", "\"ext-" + n + "\""));
        }
    }

    /** The template through the service, then {@code users} SQL copies of its rows. */
    private static void fillWithSql(ScimService service, HikariDataSource pool, int users, String series, String uuid)
            throws SQLException {
        create(service, template());
        String name = "(CASE WHEN MOD(s.n, 2) = 0 THEN 'User' ELSE 'user' END || CAST(MOD(s.n * 7919, " + users
                + ") AS VARCHAR) || '@contoso.example')";
        String gen = "(SELECT n, " + uuid + " AS id, " + name + " AS user_name FROM (" + String.format(Locale.ROOT, series,
                users) + ") s) g";
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMPORARY TABLE gen AS SELECT * FROM " + gen);
            // The template's e-mail rows first: joined after the copies exist, the planner (without
            // statistics on them) may rescan the table once per generated row.
            statement.execute("""
                    CREATE TEMPORARY TABLE tmpl_email AS SELECT e.* FROM scim_email e JOIN scim_resource t
                        ON e.tenant = t.tenant AND e.resource_type = t.resource_type AND e.resource_id = t.id
                    WHERE t.resource_type = 'User' AND t.user_name_key = 'alice@contoso.example'
                    """);
            statement.execute("""
                    INSERT INTO scim_resource (tenant, resource_type, id, version, created, last_modified, user_name_key,
                        user_name_fold, external_id, active, body)
                    SELECT t.tenant, t.resource_type, g.id, 1, t.created, t.last_modified, LOWER(g.user_name),
                        LOWER(g.user_name), 'ext-' || CAST(g.n AS VARCHAR), t.active,
                        REPLACE(REPLACE(REPLACE(CAST(t.body AS VARCHAR), t.id, g.id), 'alice@contoso.example', g.user_name),
                            '"alice"', '"ext-' || CAST(g.n AS VARCHAR) || '"')%s
                    FROM scim_resource t, gen g
                    WHERE t.resource_type = 'User' AND t.user_name_key = 'alice@contoso.example'
                    """.formatted(uuid.startsWith("gen") ? "::jsonb" : ""));
            if (uuid.startsWith("gen")) {
                // PostgreSQL plans each foreign-key check of the e-mail rows once: with statistics from
                // before the copies it would scan the resource table per row.
                connection.commit();
                statement.execute("ANALYZE scim_resource");
            }
            statement.execute("""
                    INSERT INTO scim_email (tenant, resource_type, resource_id, position, value_fold, type_fold, is_primary)
                    SELECT e.tenant, e.resource_type, g.id, e.position, LOWER(g.user_name), e.type_fold, e.is_primary
                    FROM tmpl_email e, gen g
                    """);
            statement.execute("DROP TABLE gen");
            statement.execute("DROP TABLE tmpl_email");
            connection.commit();
        }
    }
}
