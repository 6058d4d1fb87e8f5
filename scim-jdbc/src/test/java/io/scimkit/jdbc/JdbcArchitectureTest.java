package io.scimkit.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules the package-info files of scim-jdbc state. */
class JdbcArchitectureTest {
    private static JavaClasses jdbc;

    @BeforeAll
    static void importMainClasses() {
        jdbc = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scimkit.jdbc");
    }

    @Test
    void theQueryPushdownIsInternalAndImportsNeitherTheStoreNorJdbc() {
        assertThat(jdbc.stream().map(JavaClass::getPackageName)).contains("io.scimkit.jdbc.internal.query");
        noClasses().that().resideInAPackage("io.scimkit.jdbc.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.scimkit.jdbc", "java.sql..", "javax.sql..")
                .check(jdbc);
    }

    @Test
    void theMappingUsesNothingOfTheOwnSchemaStoreButJdbc() {
        noClasses().that().resideInAPackage("io.scimkit.jdbc.mapping").should().dependOnClassesThat(
                DescribedPredicate.describe("io.scimkit.jdbc classes other than Jdbc", (JavaClass type) ->
                        type.getPackageName().equals("io.scimkit.jdbc") && !type.getName().equals(Jdbc.class.getName())
                                && !type.getName().startsWith(Jdbc.class.getName() + "$")))
                .check(jdbc);
    }

    @Test
    void noDriverClasses() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..", "com.zaxxer..")
                .check(jdbc);
    }

    @Test
    void onlyTheInternalQueryPackageIsInternal() {
        assertThat(jdbc.stream().map(JavaClass::getPackageName).filter(name -> name.contains(".query")))
                .allMatch(name -> name.equals("io.scimkit.jdbc.internal.query"));
    }
}
