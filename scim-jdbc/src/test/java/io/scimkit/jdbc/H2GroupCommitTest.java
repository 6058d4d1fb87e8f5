package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 group commit on a file database with a {@code WRITE_DELAY} so long that H2 alone would not
 * write anything during the test: a copy of the database file taken right after the writes
 * returned (what the file holds when the process is killed at that moment) must hold every
 * acknowledged write and its outbox event with group commit on, and holds none without it.
 */
class H2GroupCommitTest {
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");
    private static final ScimPrincipal ENTRA = new ScimPrincipal("t-group-commit", "entra");
    private static final int WRITERS = 6;
    private static final int CREATES_EACH = 20;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedWriteIsInTheFileWithGroupCommit() throws Exception {
        assertThat(writeConcurrentlyThenCopy(true)).containsExactly((long) WRITERS * CREATES_EACH,
                (long) WRITERS * CREATES_EACH);
    }

    @Test
    void withoutGroupCommitTheLongWriteDelayLeavesTheWritesOutOfTheFile() throws Exception {
        assertThat(writeConcurrentlyThenCopy(false)).containsExactly(0L, 0L);
    }

    @Test
    void theOutboxWritesTheFileBeforeItDeliversAnEvent() throws Exception {
        Path live = Files.createDirectories(temp.resolve("live"));
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HikariDataSource database = pool("jdbc:h2:file:" + live.resolve("scim")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=2000000000")) {
            // Group commit off: the create is committed, not written, when the dispatcher claims its event.
            JdbcStores stores = JdbcStores.create(database, SchemaRegistry.core(), JdbcStoreOptions.DEFAULTS.withOutbox(true));
            checkpoint(database);
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                    .userStore(stores.users()).groupStore(stores.groups()).build();
            assertThat(create(service, "heard@contoso.example").status()).isEqualTo(201);
            OutboxDispatcher outbox = OutboxDispatcher.builder(database).listener(event -> heard.add(event.type())).build();
            assertThat(outbox.deliverDue()).isEqualTo(1);
            assertThat(heard).containsExactly("user.created");
            Path copy = Files.createDirectories(temp.resolve("copy"));
            Files.copy(live.resolve("scim.mv.db"), copy.resolve("scim.mv.db"));
            assertThat(countIn(copy)).as("the user and its event in the file").containsExactly(1L, 1L);
        }
    }

    @Test
    void anH2DatabaseInAnotherProcessIsRefused() throws SQLException {
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists",
                "-baseDir", temp.toString()).start();
        try (HikariDataSource remote = pool("jdbc:h2:tcp://localhost:" + server.getPort() + "/remote")) {
            assertThatThrownBy(() -> JdbcStores.create(remote, SchemaRegistry.core(),
                    JdbcStoreOptions.DEFAULTS.withH2GroupCommit(true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded H2");
        } finally {
            server.stop();
        }
    }

    /** The users and outbox rows in a copy of the file taken after every write was acknowledged. */
    private List<Long> writeConcurrentlyThenCopy(boolean groupCommit) throws Exception {
        Path live = Files.createDirectories(temp.resolve("live"));
        try (HikariDataSource database = pool("jdbc:h2:file:" + live.resolve("scim")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=2000000000")) {
            JdbcStores stores = JdbcStores.create(database, SchemaRegistry.core(),
                    JdbcStoreOptions.DEFAULTS.withOutbox(true).withH2GroupCommit(groupCommit));
            // The schema is in the file either way, so that the copy opens.
            checkpoint(database);
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                    .userStore(stores.users()).groupStore(stores.groups()).build();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < CREATES_EACH; i++) {
                            ScimResponse created = create(service, "w" + writer + "-" + i + "@contoso.example");
                            assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get(2, TimeUnit.MINUTES);
                }
            } finally {
                writers.shutdown();
            }
            Path copy = Files.createDirectories(temp.resolve("copy"));
            Files.copy(live.resolve("scim.mv.db"), copy.resolve("scim.mv.db"));
            return countIn(copy);
        }
    }

    private static ScimResponse create(ScimService service, String userName) {
        return service.handle(ScimRequest.of("POST", "/Users", ENTRA).withHeaders(JSON)
                .withBody(("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                        + userName + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    private static void checkpoint(HikariDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    private static List<Long> countIn(Path directory) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("scim"), "sa", "");
                Statement query = connection.createStatement()) {
            List<Long> counts = new ArrayList<>();
            for (String sql : List.of("SELECT COUNT(*) FROM scim_resource WHERE tenant = 't-group-commit'",
                    "SELECT COUNT(*) FROM scim_outbox WHERE tenant = 't-group-commit'")) {
                try (ResultSet row = query.executeQuery(sql)) {
                    row.next();
                    counts.add(row.getLong(1));
                }
            }
            return counts;
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(WRITERS + 2);
        return new HikariDataSource(config);
    }
}
