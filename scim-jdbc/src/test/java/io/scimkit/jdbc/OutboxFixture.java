package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A SCIM service over the JDBC stores with the outbox on, for the outbox tests: requests by the
 * {@code entra} principal of one tenant, and what {@code scim_outbox} holds.
 */
final class OutboxFixture {
    static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");

    final DataSource dataSource;
    final JdbcStores stores;
    final ScimService service;
    final ScimPrincipal principal;

    OutboxFixture(DataSource dataSource, String tenant, DeletePolicy policy) {
        this.dataSource = dataSource;
        this.stores = JdbcStores.create(dataSource, SchemaRegistry.core(), JdbcStoreOptions.DEFAULTS.withOutbox(true));
        this.service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(stores.users()).groupStore(stores.groups()).deletePolicy(policy).build();
        this.principal = new ScimPrincipal(tenant, "entra");
    }

    OutboxFixture(DataSource dataSource, String tenant) {
        this(dataSource, tenant, DeletePolicy.HARD);
    }

    ScimResponse send(String method, String path, String body, String... headers) {
        List<String> fields = new ArrayList<>(List.of("Content-Type", "application/scim+json"));
        fields.addAll(List.of(headers));
        ScimRequest request = ScimRequest.of(method, path, principal).withHeaders(HttpHeaders.of(fields.toArray(String[]::new)));
        return service.handle(body == null ? request : request.withBody(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates a user; its id. */
    String createUser(String userName) {
        ScimResponse created = send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true}");
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        return id(created);
    }

    /** Creates a group with these members; its id. */
    String createGroup(String displayName, String... members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        ScimResponse created = send("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + displayName + "\",\"members\":[" + list + "]}");
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        return id(created);
    }

    /** Sends a PATCH with these operations. */
    ScimResponse patch(String path, String operations, String... headers) {
        return send("PATCH", path, PATCH_OP + operations + "]}", headers);
    }

    /** The ETag of a resource now. */
    String version(String path) {
        ScimResponse response = send("GET", path, null);
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return response.header("ETag").orElseThrow();
    }

    static String id(ScimResponse created) {
        return created.bodyText().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    /** The types of the undelivered outbox rows of this fixture's tenant, in {@code seq} order. */
    List<String> pendingTypes() {
        return column("SELECT event_type FROM scim_outbox WHERE tenant = ? AND delivered_at IS NULL ORDER BY seq");
    }

    /** Every outbox row of this tenant, delivered or not. */
    int rows() {
        return column("SELECT event_type FROM scim_outbox WHERE tenant = ?").size();
    }

    private List<String> column(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, principal.tenant());
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The events delivered to a listener that records them (thread-safe). */
    static final class Heard {
        final List<ProvisioningEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());

        void add(ProvisioningEvent event) {
            events.add(event);
        }

        List<ProvisioningEvent> snapshot() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
