package io.scimkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.jdbc.JdbcStoreOptions;
import io.scimkit.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The cost of a write on the H2 file store with N writer threads, today's setting against group
 * commit, run alternately: {@code old} is {@code WRITE_DELAY=0} (H2 writes a chunk of its file in
 * every commit), {@code new} is {@code WRITE_DELAY=500} with
 * {@link JdbcStoreOptions#withH2GroupCommit(boolean)} (one chunk write for the commits waiting at
 * the same time). Each round and setting gets a fresh database; each writer thread creates users
 * ({@code POST /Users}, Entra's sample), renames them ({@code PATCH} of {@code displayName}) and adds
 * them to a group of its own ({@code PATCH /Groups} adding one member). Printed per kind: process
 * CPU microseconds per write and MVStore stores (chunk writes) per write. Not JMH, not run by
 * {@code verify}:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.H2GroupCommitCost \
 *     &lt;directory&gt; &lt;threads&gt; &lt;writes per thread and kind&gt; [rounds]</pre>
 */
public final class H2GroupCommitCost {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");

    private H2GroupCommitCost() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]).toAbsolutePath();
        int threads = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf("H2 file store, %d writer threads, %,d writes per thread and kind%n", threads, count);
        System.out.println("round | setting | write | process cpu us/op | chunk writes/op | wall us/op");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                for (boolean groupCommit : new boolean[] {false, true}) {
                    String url = "jdbc:h2:file:" + directory.resolve("r" + round + (groupCommit ? "-new" : "-old"))
                            .resolve("scim") + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY="
                            + (groupCommit ? 500 : 0);
                    run(round, groupCommit ? "new" : "old", url, groupCommit, threads, count, pool);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void run(int round, String setting, String url, boolean groupCommit, int threads, int count,
            ExecutorService pool) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(Math.max(10, threads));
        try (HikariDataSource database = new HikariDataSource(config)) {
            JdbcStores stores = JdbcStores.create(database, Population.REGISTRY,
                    JdbcStoreOptions.DEFAULTS.withH2GroupCommit(groupCommit));
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                    .userStore(stores.users()).groupStore(stores.groups()).build();
            String template = EntraUser.json();
            List<List<String>> users = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                users.add(new ArrayList<>());
                groups.add(idOf(ServiceFixture.expect(service.handle(post("/Groups",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g" + t + "\"}")),
                        201, "the group create")));
            }
            measure(round, setting, "POST /Users", database, threads, count, pool, t -> i -> {
                String name = "u" + t + "-" + i;
                String id = idOf(ServiceFixture.expect(service.handle(post("/Users",
                        template.replace("alice@contoso.example", name + "@example.com")
                                .replace("\"alice\"", "\"" + name + "\""))), 201, "a create"));
                users.get(t).add(id);
            });
            measure(round, setting, "PATCH /Users displayName", database, threads, count, pool,
                    t -> i -> ServiceFixture.expect(service.handle(patch("/Users/" + users.get(t).get(i),
                            "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed " + i + "\"}")),
                            200, "a user PATCH"));
            measure(round, setting, "PATCH /Groups add 1 member", database, threads, count, pool,
                    t -> i -> ServiceFixture.expect(service.handle(patch("/Groups/" + groups.get(t),
                            "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(t).get(i)
                                    + "\"}]}")), 204, "a member add"));
        }
    }

    /** What thread {@code t} does for its {@code i}-th write. */
    @FunctionalInterface
    private interface Writer {
        void write(int i);
    }

    private static void measure(int round, String setting, String what, HikariDataSource database, int threads,
            int count, ExecutorService pool, IntFunction<Writer> writers) throws Exception {
        long versions = storeVersion(database);
        long process = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Writer writer = writers.apply(t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < count; i++) {
                    writer.write(i);
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        double writes = (double) threads * count;
        System.out.printf("%d | %s | %s | %.0f | %.2f | %.0f%n", round, setting, what,
                (OS.getProcessCpuTime() - process) / 1e3 / writes, (storeVersion(database) - versions) / writes,
                (System.nanoTime() - wall) / 1e3 / writes);
    }

    /** MVStore's version, one up per store of its changes (a chunk written to the file). */
    private static long storeVersion(HikariDataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal)
                    connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore().getCurrentVersion();
        }
    }

    // The requests as JdbcWriteCost sends them (kept apart so that each harness stays one file).
    private static ScimRequest post(String path, String body) {
        return ScimRequest.of("POST", path, ServiceFixture.ENTRA).withHeaders(JSON)
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ScimRequest patch(String path, String operation) {
        return ScimRequest.of("PATCH", path, ServiceFixture.ENTRA).withHeaders(JSON).withBody(
                ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String idOf(ScimResponse response) {
        return response.bodyText().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }
}
