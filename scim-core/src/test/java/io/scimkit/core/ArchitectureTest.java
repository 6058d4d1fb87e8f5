package io.scimkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enforces the package rules on scim-core's main classes: the package DAG (a package imports only
 * the packages listed above it), no cycles, Jackson only in {@code codec}, no web, servlet, CDI,
 * Spring or JDBC types anywhere in core, no {@code util} packages and no global mutable state.
 *
 * <p>An {@code internal} subpackage ({@code codec.internal}, {@code patch.internal}, ...) holds the
 * implementation of its parent's layer: it sits at the parent's place in the DAG, public API never
 * mentions its types, and it is not part of the published API ({@code PublicApiTest} leaves it out).
 */
class ArchitectureTest {
    private static final String ROOT = "io.scimkit.core";

    /**
     * The core packages bottom-up; each may import those before it. A layer's {@code internal}
     * subpackage belongs to the layer.
     */
    private static final List<String> LAYERS = List.of(
            "error", "value", "path", "event", "schema", "filter", "resource", "patch", "dialect", "store",
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
                .because("a package imports only the layers below it")
                .check(core);
    }

    @Test
    void onlyCodecImportsJackson() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("only codec imports Jackson")
                .check(core);
    }

    @Test
    void coreHasNoWebServletContainerOrJdbcTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "javax.ws.rs..", "jakarta.servlet..", "javax.servlet..",
                        "jakarta.enterprise..", "jakarta.inject..", "org.springframework..", "java.sql..",
                        "javax.sql..", "lombok..")
                .because("core never imports JAX-RS, Servlet, CDI, Spring or JDBC")
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
                .because("no global mutable state")
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

    @Test
    void everyInternalPackageBelongsToALayer() {
        for (JavaPackage javaPackage : core.getPackage(ROOT).getSubpackagesInTree()) {
            String name = javaPackage.getRelativeName();
            if (javaPackage.getName().endsWith(".internal")) {
                String layer = javaPackage.getParent().map(JavaPackage::getName).orElseThrow()
                        .substring(ROOT.length() + 1);
                assertThat(LAYERS).as("the layer of %s", javaPackage.getName()).contains(layer);
            }
            assertThat(name).as("package %s", javaPackage.getName()).doesNotContain("internal.");
        }
    }

    @Test
    void publicApiNeverMentionsInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : core) {
            if (!isApi(type)) {
                continue;
            }
            type.getRawSuperclass().filter(ArchitectureTest::isInternal)
                    .ifPresent(superclass -> leaks.add(type.getName() + " extends " + superclass.getName()));
            type.getRawInterfaces().stream().filter(ArchitectureTest::isInternal)
                    .forEach(iface -> leaks.add(type.getName() + " implements " + iface.getName()));
            for (JavaMember member : type.getMembers()) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                        && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                Set<JavaClass> mentioned = new HashSet<>();
                if (member instanceof JavaField field) {
                    mentioned.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit unit) {
                    mentioned.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                    unit.getParameterTypes().forEach(parameter -> mentioned.addAll(parameter.getAllInvolvedRawTypes()));
                    unit.getThrowsClause().getTypes().forEach(thrown -> mentioned.add(thrown));
                }
                mentioned.stream().filter(ArchitectureTest::isInternal)
                        .forEach(internal -> leaks.add(member.getFullName() + " mentions " + internal.getName()));
            }
        }
        assertThat(leaks).as("public API that mentions types of internal packages").isEmpty();
    }

    @Test
    void onlyScimServiceUsesTheDispatcher() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".protocol")
                .and().doNotHaveFullyQualifiedName(ScimService.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".protocol.Dispatcher")
                .because("the dispatcher is public only so that ScimService can build it; embedders use ScimService")
                .check(core);
    }

    /** A public type, or a public member type of one, outside the internal packages. */
    private static boolean isApi(JavaClass type) {
        if (isInternal(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return type.getEnclosingClass().map(ArchitectureTest::isApi).orElse(true);
    }

    private static boolean isInternal(JavaClass type) {
        String name = type.getPackageName();
        return name.endsWith(".internal") || name.contains(".internal.");
    }
}
