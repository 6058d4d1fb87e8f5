package io.scimkit.examples.existing;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.junit.OktaConformance;
import io.scimkit.testkit.target.InProcessTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole Entra ID catalogue and the Okta catalogue, in process, against a service over the
 * employee and team tables of a fresh H2 database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExistingSchemaEntraTest {
    private final List<ExistingDatabase> databases = new ArrayList<>();

    /** A fresh database with the application schema. */
    ExistingDatabase newDatabase() {
        return ExistingDatabase.h2();
    }

    @TestFactory
    Stream<DynamicNode> entra() {
        return EntraConformance.against(InProcessTarget.of(service())).dynamicTests();
    }

    /** Okta's catalogue (docs/okta.md), against the tables of another fresh database. */
    @TestFactory
    Stream<DynamicNode> okta() {
        return OktaConformance.against(InProcessTarget.of(service())).dynamicTests();
    }

    /** A service over the tables of a fresh database. */
    private ScimService service() {
        ExistingDatabase database = newDatabase();
        databases.add(database);
        SchemaRegistry registry = SchemaRegistry.core();
        return ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                .schemas(registry)
                .userStore(new EmployeeStore(database.dataSource(), registry))
                .groupStore(new TeamStore(database.dataSource(), registry))
                .build();
    }

    @AfterAll
    void dropDatabases() {
        databases.forEach(ExistingDatabase::close);
    }
}
