package io.scimkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The cost of one write through {@link ScimService#handle} over the JDBC store, single-threaded:
 * Entra's {@code POST /Users} (sample 05a), a {@code PATCH /Users/{id}} replacing {@code displayName}
 * (RFC 7644 §3.5.2.3), and a {@code PATCH /Groups/{id}} adding one member to a growing group. For
 * each it prints the CPU time of the request thread and of the whole process (H2 writes its file in
 * the committing thread with {@code WRITE_DELAY=0}, PostgreSQL works in its own processes), the
 * wall time, and the JDBC calls the store made per write, by kind (each batch entry counted), which
 * on PostgreSQL are the round trips. Not JMH, not run by {@code verify}:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.JdbcWriteCost \
 *     &lt;jdbc url&gt; &lt;user&gt; &lt;password&gt; &lt;writes per kind&gt; [rounds]</pre>
 */
public final class JdbcWriteCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private final Map<String, AtomicLong> calls = new TreeMap<>();

    private JdbcWriteCost() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(10);
        JdbcWriteCost cost = new JdbcWriteCost();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStores stores = JdbcStores.create(cost.counting(pool), Population.REGISTRY);
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                    .userStore(stores.users()).groupStore(stores.groups()).build();
            String run = UUID.randomUUID().toString().substring(0, 8);
            String group = idOf(ServiceFixture.expect(service.handle(post("/Groups",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g-" + run + "\"}")),
                    201, "the group create"));
            String template = EntraUser.json();
            List<String> users = new ArrayList<>();
            System.out.printf("%s, %,d writes per kind and round%n", stores.dialect(), count);
            System.out.println("round | write | thread cpu us/op | process cpu us/op | wall us/op | JDBC calls per op");
            int[] next = {0};
            for (int round = 0; round < rounds; round++) {
                String prefix = run + "-" + round;
                cost.measure(round, "POST /Users", count, service, i -> {
                    String name = "u" + prefix + "-" + i;
                    return post("/Users", template.replace("alice@contoso.example", name + "@example.com")
                            .replace("\"alice\"", "\"" + name + "\""));
                }, response -> users.add(idOf(ServiceFixture.expect(response, 201, "a create"))));
                cost.measure(round, "PATCH /Users displayName", count, service,
                        i -> patch("/Users/" + users.get(next[0]++ % users.size()),
                                "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed " + i + "\"}"),
                        response -> ServiceFixture.expect(response, 200, "a user PATCH"));
                int base = round * count;
                cost.measure(round, "PATCH /Groups add 1 member", count, service,
                        i -> patch("/Groups/" + group, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                                + users.get((base + i) % users.size()) + "\"}]}"),
                        response -> ServiceFixture.expect(response, 204, "a member add"));
            }
        }
    }

    private void measure(int round, String what, int count, ScimService service, IntFunction<ScimRequest> request,
            java.util.function.Consumer<ScimResponse> check) {
        List<ScimRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request.apply(i));
        }
        calls.clear();
        long thread = THREADS.getCurrentThreadCpuTime();
        long process = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        for (ScimRequest each : requests) {
            check.accept(service.handle(each));
        }
        double threadUs = (THREADS.getCurrentThreadCpuTime() - thread) / 1e3 / count;
        double processUs = (OS.getProcessCpuTime() - process) / 1e3 / count;
        double wallUs = (System.nanoTime() - wall) / 1e3 / count;
        StringBuilder perOp = new StringBuilder();
        synchronized (calls) {
            calls.forEach((name, n) -> perOp.append(String.format(" %s=%.2f", name, n.get() / (double) count)));
        }
        System.out.printf("%d | %s | %.0f | %.0f | %.0f |%s%n", round, what, threadUs, processUs, wallUs, perOp);
    }

    private static ScimRequest post(String path, String body) {
        return ScimRequest.of("POST", path, ServiceFixture.ENTRA).withHeaders(JSON)
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ScimRequest patch(String path, String operation) {
        return ScimRequest.of("PATCH", path, ServiceFixture.ENTRA).withHeaders(JSON)
                .withBody((PATCH_OP + "\"Operations\":[" + operation + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String idOf(ScimResponse response) {
        return response.bodyText().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private void count(String name, long n) {
        synchronized (calls) {
            calls.computeIfAbsent(name, key -> new AtomicLong()).addAndGet(n);
        }
    }

    /** A data source whose connections count the calls that reach the database. */
    private DataSource counting(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                count("getConnection", 1);
                return proxy(Connection.class, (m, a) -> {
                    String name = m.getName();
                    if (name.equals("commit") || name.equals("rollback") || name.equals("setTransactionIsolation")
                            || name.equals("getTransactionIsolation")) {
                        count(name, 1);
                    }
                    Object made = m.invoke(connection, a);
                    if (made instanceof PreparedStatement statement) {
                        return statement(statement, PreparedStatement.class);
                    }
                    return made instanceof Statement statement ? statement(statement, Statement.class) : made;
                });
            }
            return result;
        });
    }

    private <T extends Statement> T statement(T statement, Class<T> type) {
        int[] batch = {0};
        return proxy(type, (method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batch[0]++;
            } else if (name.equals("executeBatch")) {
                count("batched", batch[0]);
                count("executeBatch", 1);
                batch[0] = 0;
            } else if (name.startsWith("execute")) {
                count("execute", 1);
            }
            return method.invoke(statement, args);
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcWriteCost.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
