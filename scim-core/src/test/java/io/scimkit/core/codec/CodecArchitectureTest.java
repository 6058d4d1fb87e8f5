package io.scimkit.core.codec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The codec is the only main-code package that touches Jackson, and it stays below store/protocol. */
class CodecArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scimkit.core");

    @Test
    void onlyTheCodecImportsJackson() {
        noClasses().that().resideOutsideOfPackage("io.scimkit.core.codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void theCodecUsesOnlyTheStreamingApi() {
        noClasses().that().resideInAPackage("io.scimkit.core.codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(MAIN);
    }

    @Test
    void theCodecDoesNotImportStoreOrProtocol() {
        noClasses().that().resideInAPackage("io.scimkit.core.codec..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.scimkit.core.store..", "io.scimkit.core.protocol..")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
