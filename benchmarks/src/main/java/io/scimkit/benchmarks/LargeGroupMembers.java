package io.scimkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Grows one group to a large size through {@link ScimService#handle} over the JDBC store, the way
 * Entra does (sample 17a, RFC 7644 §3.5.2): each step is one {@code PATCH /Groups/{id}} adding
 * {@code batch} new members ({@code "Add"}, {@code members}, {@code [{"value": id}, ...]}) and then
 * one removing {@code 1,000} of them in Entra's default shape ({@code "Remove"}, {@code members},
 * the removed members in {@code value}, quirk Q4), so the group grows by {@code batch - 1,000} per
 * step. Prints, per step, the group's size before it and the wall-clock and this thread's CPU time
 * of each PATCH (on H2 the database works in this thread; on PostgreSQL the CPU time is the
 * client's only). Every PATCH must answer 204 (groups answer PATCH without a body by default); the
 * service accepts bodies of up to 16 MB.
 * Not a JMH benchmark, not run by {@code verify}:
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.LargeGroupMembers \
 *     &lt;jdbc url&gt; &lt;user&gt; &lt;password&gt; &lt;batch&gt; &lt;target size&gt;</pre>
 *
 * with a fresh database, e.g. {@code jdbc:h2:file:/tmp/large-group/scim;LOCK_TIMEOUT=10000;WRITE_DELAY=0}
 * (the example server's H2 settings).
 */
public final class LargeGroupMembers {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int REMOVED = 1_000;
    /** Room for a batch of 45,000 members (about 2.4 MB of JSON); the default limit is 1 MB. */
    private static final int MAX_PAYLOAD = 16 << 20;
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private LargeGroupMembers() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int batch = Integer.parseInt(args[3]);
        int target = Integer.parseInt(args[4]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcStores stores = JdbcStores.create(dataSource, Population.REGISTRY);
            ScimService service = ScimService.builder()
                    .baseUri(URI.create("https://scim.example.com/scim/v2"))
                    .userStore(stores.users())
                    .groupStore(stores.groups())
                    .limits(ServiceLimits.defaults().withMaxPayloadSize(MAX_PAYLOAD))
                    .build();
            ScimResponse created = ServiceFixture.expect(service.handle(ScimRequest.of("POST", "/Groups",
                    ServiceFixture.ENTRA).withHeaders(io.scimkit.core.protocol.HttpHeaders.of("Content-Type",
                    "application/scim+json")).withBody(("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"All employees " + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8))),
                    201, "the group create");
            String group = created.bodyText().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            System.out.printf("%s, batches of %,d members, %,d removed per step%n", stores.dialect(), batch, REMOVED);
            System.out.println("members before | add: wall s | add: cpu s | remove: wall s | remove: cpu s");
            for (int size = 0; size < target; size += batch - REMOVED) {
                List<String> ids = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    ids.add(UUID.randomUUID().toString());
                }
                double[] add = timed(service, group, "Add", ids);
                double[] remove = timed(service, group, "Remove", ids.subList(0, REMOVED));
                System.out.printf("%,14d | %11.2f | %10.2f | %14.2f | %13.2f%n", size, add[0], add[1], remove[0],
                        remove[1]);
            }
        }
    }

    /** One PATCH with one operation on {@code members} listing these ids; its wall and CPU seconds. */
    private static double[] timed(ScimService service, String group, String op, List<String> ids) {
        StringBuilder body = new StringBuilder(PATCH_OP).append("\"Operations\":[{\"op\":\"").append(op)
                .append("\",\"path\":\"members\",\"value\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"value\":\"").append(ids.get(i)).append("\"}");
        }
        ScimRequest request = ServiceFixture.patchGroup(group, body.append("]}]}").toString());
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        ServiceFixture.expect(service.handle(request), 204, "the member " + op);
        return new double[] {(System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9};
    }
}
