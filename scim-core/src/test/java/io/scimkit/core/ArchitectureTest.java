package io.scimkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enforces the package rules of DESIGN.md §2-§3 on scim-core's main classes: the package DAG
 * (a package imports only the packages listed above it), no cycles, Jackson only in {@code codec},
 * no web, servlet, CDI, Spring or JDBC types anywhere in core, no {@code util} packages and no
 * global mutable state.
 */
class ArchitectureTest {
    private static final String ROOT = "io.scimkit.core";

    /** The core packages bottom-up, as DESIGN.md §3 lists them; each may import those before it. */
    private static final List<String> LAYERS = List.of(
            "error", "value", "path", "schema", "filter", "resource", "patch", "dialect", "store",
            "message", "codec", "protocol");

    /**
     * What every core package may use besides scimkit itself; {@code javax.crypto} is the JDK's
     * HMAC, used to sign cursors (RFC 9865 §5).
     */
    private static final String[] PLATFORM = {"java..", "javax.crypto..", "org.jspecify..", "org.slf4j.."};

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void coreClassesWereImported() {
        // Guards against a vacuous pass: the rules below must see real classes.
        assertThat(core.containPackage(ROOT + ".filter")).isTrue();
        assertThat(core.size()).isGreaterThan(20);
    }

    static Stream<String> layers() {
        return LAYERS.stream();
    }

    @ParameterizedTest(name = "{0} imports only the packages below it")
    @MethodSource("layers")
    void packageImportsOnlyLowerLayers(String layer) {
        List<String> allowed = new ArrayList<>(List.of(PLATFORM));
        for (String lower : LAYERS.subList(0, LAYERS.indexOf(layer) + 1)) {
            allowed.add(ROOT + "." + lower + "..");
        }
        if (layer.equals("codec")) {
            allowed.add("com.fasterxml.jackson..");
        }
        classes().that().resideInAPackage(ROOT + "." + layer + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .allowEmptyShould(true)
                .because("DESIGN.md §3: a package imports only those above it")
                .check(core);
    }

    @Test
    void onlyCodecImportsJackson() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("DESIGN.md §2: only codec imports Jackson")
                .check(core);
    }

    @Test
    void coreHasNoWebServletContainerOrJdbcTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "javax.ws.rs..", "jakarta.servlet..", "javax.servlet..",
                        "jakarta.enterprise..", "jakarta.inject..", "org.springframework..", "java.sql..",
                        "javax.sql..", "lombok..")
                .because("DESIGN.md §2: core never imports JAX-RS, Servlet, CDI, Spring or JDBC")
                .check(core);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void thereAreNoUtilPackages() {
        for (JavaPackage javaPackage : core.getPackage(ROOT).getSubpackagesInTree()) {
            assertThat(javaPackage.getRelativeName())
                    .as("package %s", javaPackage.getName())
                    .doesNotMatch("(?i)utils?|common|helpers?|misc");
        }
    }

    @Test
    void noGlobalMutableState() {
        fields().that().areStatic().should().beFinal()
                .because("STYLE-ANCHORS §3.3: no global mutable state")
                .check(core);
    }

    @Test
    void everyPackageHasPackageInfo() {
        for (JavaPackage javaPackage : core.getPackage(ROOT).getSubpackagesInTree()) {
            if (!javaPackage.getClasses().isEmpty()) {
                assertThat(javaPackage.tryGetPackageInfo())
                        .as("package-info.java in %s", javaPackage.getName())
                        .isPresent();
            }
        }
    }
}
