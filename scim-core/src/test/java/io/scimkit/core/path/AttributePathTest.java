package io.scimkit.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Attribute notation (RFC 7644 §3.10, RFC 7643 §2.1 ATTRNAME) as parsed by {@link AttributePath}. */
class AttributePathTest {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> valid() {
        return Stream.of(
                // text, schema URN, attribute, sub-attribute
                Arguments.of("userName", null, "userName", null),
                Arguments.of("name.givenName", null, "name", "givenName"),
                Arguments.of("emails.value", null, "emails", "value"),
                Arguments.of("groups.$ref", null, "groups", "$ref"),
                Arguments.of("$ref", null, "$ref", null),
                Arguments.of("x509Certificates.value", null, "x509Certificates", "value"),
                Arguments.of("a-b_c$d.e1", null, "a-b_c$d", "e1"),
                // The URN holds dots ("2.0") and colons; it ends at the last colon (digest K-58).
                Arguments.of(ENTERPRISE + ":manager.value", ENTERPRISE, "manager", "value"),
                Arguments.of(ENTERPRISE + ":employeeNumber", ENTERPRISE, "employeeNumber", null),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName",
                        "urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
                Arguments.of("urn:mypolicies:scim:schemas:extension:policy:1.0:User:policies.name",
                        "urn:mypolicies:scim:schemas:extension:policy:1.0:User", "policies", "name"),
                Arguments.of("urn:a.b.c:d.e", "urn:a.b.c", "d", "e"),
                // A bare extension URN parses as URN + attribute; the registry recognises the whole URN.
                Arguments.of(ENTERPRISE, "urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesAttributeNotation(String text, @Nullable String urn, String attribute, @Nullable String sub) {
        AttributePath path = AttributePath.parse(text);

        assertThat(path.schemaUrn()).isEqualTo(urn);
        assertThat(path.attribute()).isEqualTo(attribute);
        assertThat(path.subAttribute()).isEqualTo(sub);
        assertThat(path.urn()).isEqualTo(Optional.ofNullable(urn));
        assertThat(path.sub()).isEqualTo(Optional.ofNullable(sub));
        assertThat(path.hasSubAttribute()).isEqualTo(sub != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void toStringRoundTrips(String text) {
        AttributePath path = AttributePath.parse(text);

        assertThat(path.toString()).isEqualTo(text);
        assertThat(AttributePath.parse(path.toString())).isEqualTo(path);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "", " ", ".", "..", "a.", ".a", "a..b", "a.b.c", "name.givenName.x", ":userName", "urn:x:", "urn:x:.a",
        "urn:x:a.", "1abc", "-abc", "_abc", "a b", "userName ", " userName", "a.b c", "$refs", "$", "a.$x",
        "na\u00efve", "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "a/b", "a\"b", "*", "\u0000"})
    void rejectsInvalidPathsWithInvalidPath(String text) {
        assertThatThrownBy(() -> AttributePath.parse(text))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_PATH));
    }

    @Test
    void constructorValidatesEachPart() {
        assertThatThrownBy(() -> new AttributePath("", "a", null)).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> AttributePath.of("a", "b.c")).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> AttributePath.of("9")).isInstanceOf(ScimException.class);
        assertThat(AttributePath.of("name", null)).isEqualTo(AttributePath.of("name"));
    }

    static Stream<Arguments> sameIgnoringCase() {
        return Stream.of(
                Arguments.of("userName", "USERNAME"),
                Arguments.of("name.givenName", "NAME.GIVENNAME"),
                Arguments.of("groups.$ref", "Groups.$REF"),
                Arguments.of(ENTERPRISE + ":manager.value", ENTERPRISE.toUpperCase(Locale.ROOT) + ":Manager.Value"),
                // Non-ASCII URN characters: equal under equalsIgnoreCase, so the hash must agree too.
                Arguments.of("urn:\u0130:a", "urn:i:a"),
                Arguments.of("urn:\u212A:a", "urn:k:a"));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @MethodSource("sameIgnoringCase")
    void equalityAndHashIgnoreCaseButKeepSpelling(String one, String other) {
        AttributePath a = AttributePath.parse(one);
        AttributePath b = AttributePath.parse(other);

        assertThat(a).isEqualTo(b);
        assertThat(b).isEqualTo(a);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.toString()).isEqualTo(one);
        assertThat(b.toString()).isEqualTo(other);
    }

    static Stream<Arguments> different() {
        return Stream.of(
                Arguments.of("userName", "displayName"),
                Arguments.of("name", "name.givenName"),
                Arguments.of("name.givenName", "name.familyName"),
                Arguments.of("userName", "urn:ietf:params:scim:schemas:core:2.0:User:userName"),
                Arguments.of(ENTERPRISE + ":manager", "urn:ietf:params:scim:schemas:core:2.0:User:manager"),
                Arguments.of("ab", "a"));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @MethodSource("different")
    void differentPathsAreNotEqual(String one, String other) {
        assertThat(AttributePath.parse(one)).isNotEqualTo(AttributePath.parse(other));
    }

    /** A seeded property: random case changes never change equality or hash. */
    @Test
    void randomCaseChangesKeepEqualityAndHash() {
        Random random = new Random(7643);
        String[] samples = {"userName", "name.givenName", ENTERPRISE + ":manager.value", "groups.$ref",
            "urn:mypolicies:scim:schemas:extension:policy:1.0:User:policies.name"};
        for (int i = 0; i < 500; i++) {
            String text = samples[random.nextInt(samples.length)];
            StringBuilder mixed = new StringBuilder();
            for (char c : text.toCharArray()) {
                mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            AttributePath original = AttributePath.parse(text);
            AttributePath changed = AttributePath.parse(mixed.toString());
            assertThat(changed).isEqualTo(original);
            assertThat(changed.hashCode()).isEqualTo(original.hashCode());
        }
    }

    @Test
    void worksAsAHashSetKeyIgnoringCase() {
        Set<AttributePath> set = new HashSet<>();
        set.add(AttributePath.parse("emails.value"));
        set.add(AttributePath.parse("EMAILS.VALUE"));
        set.add(AttributePath.parse("emails.Type"));

        assertThat(set).hasSize(2).contains(AttributePath.parse("Emails.type"));
    }

    @Test
    void derivedPaths() {
        AttributePath path = AttributePath.parse(ENTERPRISE + ":manager.value");

        assertThat(path.parent()).isEqualTo(new AttributePath(ENTERPRISE, "manager", null));
        AttributePath parent = path.parent();
        assertThat(parent.parent()).isSameAs(parent);
        assertThat(path.withSubAttribute("displayName").toString()).isEqualTo(ENTERPRISE + ":manager.displayName");
        assertThat(path.withSchemaUrn(null).toString()).isEqualTo("manager.value");
        assertThat(AttributePath.of("name").withSubAttribute("givenName")).isEqualTo(AttributePath.of("name", "givenName"));
        assertThatThrownBy(() -> path.withSubAttribute("bad name")).isInstanceOf(ScimException.class);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("names")
    void attributeNameGrammar(String text, boolean valid) {
        assertThat(AttributePath.isAttributeName(text)).isEqualTo(valid);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("a", true), Arguments.of("Z9", true), Arguments.of("a-b", true), Arguments.of("a_b", true),
                Arguments.of("a$b", true), Arguments.of("$ref", true), Arguments.of("$REF", true), Arguments.of("", false),
                Arguments.of("9a", false), Arguments.of("$", false), Arguments.of("$reff", false),
                Arguments.of("a.b", false), Arguments.of("a:b", false), Arguments.of("\u00e9", false),
                Arguments.of("a b", false));
    }
}
