package io.scimkit.jdbc.mapping;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.target.InProcessTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The whole Entra ID catalogue, in process, against a service over each mapped schema of a fresh H2 database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappedEntraTest {
    private final List<AppDatabase> databases = new ArrayList<>();

    /** A fresh database of the shape. */
    AppDatabase database(AppDatabase.Shape shape) {
        return AppDatabase.h2(shape);
    }

    @TestFactory
    Stream<DynamicNode> entra() {
        return Stream.of(AppDatabase.Shape.values()).map(shape -> {
            AppDatabase database = database(shape);
            databases.add(database);
            SchemaRegistry registry = SchemaRegistry.core();
            SqlMappingStores stores = shape == AppDatabase.Shape.NUMERIC
                    ? AppDatabase.numericStores(database.dataSource(), registry)
                    : AppDatabase.uuidStores(database.dataSource(), registry);
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                    .schemas(registry).userStore(stores.users()).groupStore(stores.groups()).build();
            return DynamicContainer.dynamicContainer(shape.name(),
                    EntraConformance.against(InProcessTarget.of(service)).dynamicTests());
        });
    }

    @AfterAll
    void drop() {
        databases.forEach(AppDatabase::close);
    }
}
