package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code --store} syntaxes: which factory takes a value, and the database settings it derives (no database
 * opened, but for the H2 files one test opens in a temporary directory).
 */
class StoreFactoriesTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"memory,memory", "' MEMORY ',memory", "h2:./scim-data,h2:<dir>", "H2:/var/lib/scim,h2:<dir>",
        "jdbc:postgresql://db/scim,jdbc:postgresql://host[:port]/database",
        "JDBC:PostgreSQL://db:5433/scim?ssl=true,jdbc:postgresql://host[:port]/database"})
    void eachValueGoesToItsFactory(String spec, String syntax) {
        assertThat(StoreFactories.standard(NO_ENV).find(spec).syntax()).isEqualTo(syntax);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://x", "h2", "jdbc:h2:mem:x", "jdbc:mysql://db/scim", "postgres://db/scim", ""})
    void otherValuesAreRefusedWithTheListOfSyntaxes(String spec) {
        assertThatThrownBy(() -> StoreFactories.standard(NO_ENV).find(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supported values are memory, h2:<dir>, jdbc:postgresql://host[:port]/database");
    }

    @Test
    void theDefaultIsH2UnderScimDataInTheWorkingDirectory() {
        assertThat(StoreFactories.DEFAULT_STORE).isEqualTo("h2:./scim-data");
        assertThat(H2StoreFactory.directory(StoreFactories.DEFAULT_STORE))
                .isEqualTo(Path.of("scim-data").toAbsolutePath().normalize());
    }

    @Test
    void h2SettingsNameTheFileAndTheNeededOptions() {
        Path directory = Path.of("/var/lib/scim");
        DatabaseSettings settings = H2StoreFactory.settings(directory);
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:" + directory.resolve("scim") + ";")
                .contains(";LOCK_TIMEOUT=10000").contains(";WRITE_DELAY=500").contains(";DB_CLOSE_ON_EXIT=FALSE");
        // H2 writes committed changes up to WRITE_DELAY later: group commit writes them before the answer.
        assertThat(H2StoreFactory.OPTIONS.h2GroupCommit()).isTrue();
        assertThat(settings.driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(settings.description()).contains(directory.toString());
        assertThat(H2StoreFactory.directory("h2: /var/lib/scim/../scim ")).isEqualTo(directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2:", "h2:   ", "h2:/tmp/a;INIT=RUNSCRIPT FROM 'x'"})
    void malformedH2ValuesAreRefused(String spec) {
        assertThatThrownBy(() -> H2StoreFactory.directory(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h2:<dir>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // spec | SCIM_DB_USER | SCIM_DB_PASSWORD | URL given to the pool | user | password
        "jdbc:postgresql://db/scim|null|null|jdbc:postgresql://db/scim|null|null",
        "jdbc:postgresql://db:5433/scim|scim|s3cret|jdbc:postgresql://db:5433/scim|scim|s3cret",
        "jdbc:postgresql://db/scim?user=app&password=p%40ss|scim|s3cret|jdbc:postgresql://db/scim|app|p@ss",
        "jdbc:postgresql://db/scim?ssl=true&user=app&sslmode=require|scim|s3cret"
                + "|jdbc:postgresql://db/scim?ssl=true&sslmode=require|app|s3cret",
        "jdbc:postgresql://app:p%3Ass@db/scim|null|null|jdbc:postgresql://db/scim|app|p:ss",
        "jdbc:postgresql://app@db,db2:5432/scim?targetServerType=primary|null|pw"
                + "|jdbc:postgresql://db,db2:5432/scim?targetServerType=primary|app|pw",
        "jdbc:postgresql://db/scim?PASSWORD=a+b|null|null|jdbc:postgresql://db/scim|null|a+b"
    })
    void postgresCredentialsComeFromTheUrlElseTheEnvironment(String spec, String envUser, String envPassword,
            String url, String user, String password) {
        Map<String, String> env = new java.util.HashMap<>();
        if (envUser != null) {
            env.put("SCIM_DB_USER", envUser);
        }
        if (envPassword != null) {
            env.put("SCIM_DB_PASSWORD", envPassword);
        }
        DatabaseSettings settings = new PostgresStoreFactory(env).settings(spec);
        assertThat(settings.jdbcUrl()).isEqualTo(url);
        assertThat(settings.user()).isEqualTo(user);
        assertThat(settings.password()).isEqualTo(password);
        assertThat(settings.driverClassName()).isEqualTo("org.postgresql.Driver");
        if (password != null) {
            assertThat(settings.jdbcUrl()).doesNotContain(password);
            assertThat(settings.description()).doesNotContain(password);
            assertThat(settings.toString()).doesNotContain(password).contains("password (not shown)");
        }
    }

    @Test
    void theDescriptionNamesHostDatabaseAndUserButNoPassword() {
        DatabaseSettings settings = new PostgresStoreFactory(Map.of("SCIM_DB_PASSWORD", "top-secret-pw"))
                .settings("jdbc:postgresql://db.example:5432/scim?user=scim&ssl=true");
        assertThat(settings.description()).isEqualTo("PostgreSQL jdbc:postgresql://db.example:5432/scim?... as user scim");
        assertThat(settings + settings.description() + PooledJdbcStores.config(settings).toString())
                .doesNotContain("top-secret-pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql:scim", "jdbc:postgresql://", "jdbc:postgresql://u:secret@/scim",
        "jdbc:postgresql://u:sec%zzret@db/scim"})
    void malformedPostgresUrlsAreRefusedWithoutEchoingCredentials(String spec) {
        assertThatThrownBy(() -> new PostgresStoreFactory(NO_ENV).settings(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("secret").doesNotContain("sec%zz"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"jdbc:postgresql://u:pw@db/scim,jdbc:postgresql://...@db/scim",
        "jdbc:postgresql://db/scim?password=pw,jdbc:postgresql://db/scim?...", "h2:./x,h2:./x"})
    void redactionHidesUserInfoAndQuery(String spec, String shown) {
        assertThat(StoreFactories.redacted(spec)).isEqualTo(shown);
    }

    @Test
    void jdbcStoresDeliverEventsFromTheirOutboxAndTheMemoryStoreLeavesThemToTheService(@TempDir Path dir)
            throws Exception {
        ProvisioningListener listener = event -> { };
        StoreFactories stores = StoreFactories.standard(NO_ENV);
        try (OpenedStores memory = stores.open("memory", SchemaRegistry.core(), listener)) {
            assertThat(memory.deliversEvents()).isFalse();
        }
        try (OpenedStores h2 = stores.open("h2:" + dir.resolve("events"), SchemaRegistry.core(), listener)) {
            assertThat(h2.deliversEvents()).isTrue();
            assertThat(h2.description()).contains("scim_outbox");
        }
        try (OpenedStores h2 = stores.open("h2:" + dir.resolve("plain"), SchemaRegistry.core())) {
            assertThat(h2.deliversEvents()).isFalse();
        }
    }
}
