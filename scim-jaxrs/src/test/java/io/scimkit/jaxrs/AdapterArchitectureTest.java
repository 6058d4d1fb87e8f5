package io.scimkit.jaxrs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §2 for scim-jaxrs: the adapter uses the Jakarta REST API and scim-core only, never a
 * JAX-RS implementation (so it runs on any Jakarta REST 4 runtime), never Jackson, and keeps its
 * public surface small.
 */
class AdapterArchitectureTest {
    private static JavaClasses adapter;

    @BeforeAll
    static void importAdapter() {
        adapter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scimkit.jaxrs");
    }

    @Test
    void adapterClassesWereImported() {
        assertThat(adapter.contain(ScimEndpoint.class)).isTrue();
        assertThat(adapter.size()).isGreaterThan(5);
    }

    @Test
    void usesOnlyTheJakartaRestApiAndScimCore() {
        classes().that().resideInAPackage("io.scimkit.jaxrs..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.scimkit.jaxrs..", "io.scimkit.core..",
                        "jakarta.ws.rs..", "java..", "org.jspecify..", "org.slf4j..")
                .check(adapter);
    }

    @Test
    void neverTouchesAnImplementationOrJackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.glassfish..", "org.jboss..",
                "io.undertow..", "com.fasterxml..", "io.scimkit.core.codec..", "io.scimkit.core.store.memory..")
                .check(adapter);
    }

    @Test
    void publicSurfaceIsSmall() {
        long topLevelPublic = adapter.stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass())
                .count();
        assertThat(topLevelPublic).isLessThanOrEqualTo(5);
    }
}
