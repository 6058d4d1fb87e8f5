package io.scimkit.examples.mapped;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.mapping.SqlMappingStores;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.target.InProcessTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The whole Entra ID catalogue, in process, against a service over the example's mapped tables on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppTablesEntraTest {
    private final List<AppDatabase> databases = new ArrayList<>();

    AppDatabase newDatabase() {
        return AppDatabase.h2();
    }

    @TestFactory
    Stream<DynamicNode> entra() {
        AppDatabase database = newDatabase();
        databases.add(database);
        SchemaRegistry registry = SchemaRegistry.core();
        SqlMappingStores stores = AppTables.open(database.dataSource(), registry);
        ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                .schemas(registry).userStore(stores.users()).groupStore(stores.groups()).build();
        return EntraConformance.against(InProcessTarget.of(service)).dynamicTests();
    }

    @AfterAll
    void drop() {
        databases.forEach(AppDatabase::close);
    }
}
