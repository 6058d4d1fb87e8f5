package io.scimkit.benchmarks.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.JdbcStores;
import io.scimkit.jdbc.mapping.IdType;
import io.scimkit.jdbc.mapping.SqlMapping;
import io.scimkit.jdbc.mapping.SqlMappingStores;
import io.scimkit.jdbc.mapping.ValueConverter;
import java.net.URI;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Entra ID's two user lookups ({@code userName eq}, {@code externalId eq}) and its add-member
 * PATCH, in process through {@link ScimService}, over scim-jdbc's own schema ({@link JdbcStores})
 * and over an application's {@code users}/{@code teams}/{@code team_members} tables served by a
 * {@link SqlMapping}, each with the same number of users and a group of the same size, in one
 * PostgreSQL database (two schemas), measured back to back.
 *
 * <pre>
 * java -cp ... io.scimkit.benchmarks.jdbc.MappedStoreScale jdbc:postgresql://127.0.0.1:5432/scimkit scimkit scimkit \
 *     1000000 100000 20 4      # users, group members, seconds per operation, threads
 * </pre>
 */
public final class MappedStoreScale {
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final long MAPPED_IDS = 1_000_000_000L;

    private MappedStoreScale() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[3]);
        int members = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        SchemaRegistry registry = SchemaRegistry.core();
        try (HikariDataSource own = pool(url, args[1], args[2], "bench_own");
                HikariDataSource mapped = pool(url, args[1], args[2], "bench_mapped")) {
            long start = System.nanoTime();
            JdbcStores ownStores = JdbcStores.create(own, registry);
            ScimService ownService = service(registry, ownStores.users(), ownStores.groups());
            String ownGroup = populateOwn(own, ownService, users, members);
            execute(mapped, MAPPED_DDL);
            SqlMappingStores mappedStores = SqlMappingStores.open(mapped, registry, USERS, GROUPS);
            ScimService mappedService = service(registry, mappedStores.users(), mappedStores.groups());
            String mappedGroup = populateMapped(mapped, mappedService, users, members);
            System.out.printf(Locale.ROOT, "populated %,d users and a group of %,d in each schema in %d s%n", users,
                    members, (System.nanoTime() - start) / 1_000_000_000L);
            List<String> lines = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                for (String store : List.of("own", "mapped")) {
                    ScimService service = store.equals("own") ? ownService : mappedService;
                    String group = store.equals("own") ? ownGroup : mappedGroup;
                    LongFunction<String> id = store.equals("own") ? MappedStoreScale::ownId : n -> Long.toString(MAPPED_IDS + n);
                    AtomicLong next = new AtomicLong(members + 1L + (round - 1L) * (users - members) / 2);
                    lines.add(measure(round, store, "lookup by userName", seconds, threads, service, () -> get(service,
                            "userName eq \"user" + random(users) + "@example.com\"")));
                    lines.add(measure(round, store, "lookup by externalId", seconds, threads, service, () -> get(service,
                            "externalId eq \"ext-" + random(users) + "\"")));
                    lines.add(measure(round, store, "add member", seconds, threads, service, () -> call(service, "PATCH",
                            "/Groups/" + group, "", "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"add\","
                                    + "\"path\":\"members\",\"value\":[{\"value\":\"" + id.apply(next.getAndIncrement())
                                    + "\"}]}]}", 204)));
                }
            }
            lines.forEach(System.out::println);
        }
    }

    /** The users of the own schema: copies of a template user written by the store, as benchmarks/jdbc/populate.sql does. */
    private static String populateOwn(HikariDataSource own, ScimService service, int users, int members) throws SQLException {
        call(service, "POST", "/Users", "", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"tmpl@example.com\",\"externalId\":\"tmpl-ext\",\"active\":true,"
                + "\"name\":{\"givenName\":\"Tem\",\"familyName\":\"Plate\"}}", 201);
        String group = groupId(call(service, "POST", "/Groups", "", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                + "Group\"],\"displayName\":\"big-group\"}", 201));
        try (Connection c = own.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE tmpl AS SELECT * FROM scim_resource WHERE resource_type = 'User'"
                    + " AND user_name_key = 'tmpl@example.com'");
            s.execute("CREATE TEMP TABLE gen AS SELECT n, md5('default/' || n)::uuid::text AS id,"
                    + " 'user' || n || '@example.com' AS user_name FROM generate_series(1, " + users + ") AS n");
            s.execute("ANALYZE tmpl");
            s.execute("ANALYZE gen");
            s.execute("INSERT INTO scim_resource (tenant, resource_type, id, version, created, last_modified, user_name_key,"
                    + " user_name_fold, external_id, active, body) SELECT t.tenant, t.resource_type, g.id, 1, t.created,"
                    + " t.last_modified, g.user_name, g.user_name, 'ext-' || g.n, t.active, replace(replace(replace("
                    + "t.body::text, t.id, g.id), 'tmpl@example.com', g.user_name), 'tmpl-ext', 'ext-' || g.n)::jsonb"
                    + " FROM tmpl t, gen g");
            s.execute("INSERT INTO scim_member (tenant, resource_type, group_id, member_id, member_key, member_type)"
                    + " SELECT 'default', 'Group', '" + group + "', g.id, g.id, 'User' FROM gen g WHERE g.n <= " + members);
            c.commit();
            s.execute("ANALYZE scim_resource");
            s.execute("ANALYZE scim_member");
            c.commit();
        }
        return group;
    }

    private static String populateMapped(HikariDataSource mapped, ScimService service, int users, int members)
            throws SQLException {
        String group = groupId(call(service, "POST", "/Groups", "", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                + "Group\"],\"displayName\":\"big-group\"}", 201));
        try (Connection c = mapped.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO users (id, login, first_name, last_name, status, entra_object_id, scim_extra,"
                    + " lock_version, created_at, updated_at) SELECT " + MAPPED_IDS + " + n, 'user' || n || '@example.com',"
                    + " 'Tem', 'Plate', 'ACTIVE', 'ext-' || n, NULL, 1, now(), now() FROM generate_series(1, " + users + ") n");
            s.execute("INSERT INTO team_members (team_id, user_id) SELECT " + group + ", " + MAPPED_IDS
                    + " + n FROM generate_series(1, " + members + ") n");
            c.commit();
            s.execute("ANALYZE users");
            s.execute("ANALYZE team_members");
            c.commit();
        }
        return group;
    }

    private static final String MAPPED_DDL = """
            CREATE SEQUENCE app_ids;
            CREATE TABLE users (id BIGINT DEFAULT nextval('app_ids') PRIMARY KEY, login VARCHAR(255) NOT NULL,
                email VARCHAR(255), first_name VARCHAR(255), last_name VARCHAR(255), status VARCHAR(16),
                entra_object_id VARCHAR(64), dept VARCHAR(255), scim_extra TEXT, lock_version BIGINT NOT NULL,
                created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL);
            CREATE UNIQUE INDEX users_login_lower ON users (LOWER(login));
            CREATE INDEX users_entra_object_id ON users (entra_object_id);
            CREATE TABLE teams (id BIGINT DEFAULT nextval('app_ids') PRIMARY KEY, name VARCHAR(255) NOT NULL,
                scim_extra TEXT, lock_version BIGINT NOT NULL,
                created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL);
            CREATE UNIQUE INDEX teams_name_lower ON teams (LOWER(name));
            CREATE TABLE team_members (team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL, PRIMARY KEY (team_id, user_id));
            CREATE INDEX team_members_user ON team_members (user_id)
            """;

    private static final SqlMapping USERS = SqlMapping.users("users").id("id", IdType.LONG)
            .attribute("userName", "login").attribute("emails[type eq \"work\"].value", "email")
            .attribute("name.givenName", "first_name").attribute("name.familyName", "last_name")
            .attribute("active", "status", ValueConverter.flag("ACTIVE", "DISABLED"))
            .attribute("externalId", "entra_object_id")
            .attribute("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "dept")
            .json("scim_extra").version("lock_version").created("created_at").lastModified("updated_at");
    private static final SqlMapping GROUPS = SqlMapping.groups("teams").id("id", IdType.LONG)
            .attribute("displayName", "name").members("team_members", "team_id", "user_id")
            .json("scim_extra").version("lock_version").created("created_at").lastModified("updated_at");

    private static String measure(int round, String store, String operation, int seconds, int threads,
            ScimService service, Runnable request) throws InterruptedException {
        run(Math.max(2, seconds / 4), threads, request, null);
        List<long[]> latencies = new ArrayList<>();
        long elapsed = run(seconds, threads, request, latencies);
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return String.format(Locale.ROOT, "round %d | %-6s | %-22s | %,8.0f req/s | p50 %6.2f ms | p99 %6.2f ms | n=%d",
                round, store, operation, all.length / (elapsed / 1e9), all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, all.length);
    }

    private static long run(int seconds, int threads, Runnable request, List<long[]> latencies)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            if (latencies != null) {
                latencies.add(mine);
            }
            Thread worker = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end && i < mine.length) {
                    long before = System.nanoTime();
                    request.run();
                    mine[i++] = System.nanoTime() - before;
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - start;
    }

    private static void get(ScimService service, String filter) {
        String body = call(service, "GET", "/Users", "filter=" + URLEncoder.encode(filter, UTF_8), null, 200);
        if (!body.contains("\"totalResults\":1")) {
            throw new IllegalStateException("expected one match for " + filter + ": " + body);
        }
    }

    private static String call(ScimService service, String method, String path, String query, String body, int status) {
        ScimResponse response = service.handle(new ScimRequest(method, path, query,
                HttpHeaders.of("Content-Type", "application/scim+json"), body == null ? new byte[0] : body.getBytes(UTF_8),
                ScimPrincipal.of("bench"), null));
        if (response.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
                    + response.bodyText());
        }
        return response.bodyText();
    }

    private static String groupId(String json) {
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    private static long random(int users) {
        return ThreadLocalRandom.current().nextLong(1, users + 1L);
    }

    /** The id populate gives user n of the own schema: md5('default/' || n) as a UUID. */
    private static String ownId(long n) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("default/" + n).getBytes(UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                    + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ScimService service(SchemaRegistry registry, io.scimkit.core.store.UserStore users,
            io.scimkit.core.store.GroupStore groups) {
        return ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(registry)
                .userStore(users).groupStore(groups).build();
    }

    private static void execute(HikariDataSource dataSource, String statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

}
