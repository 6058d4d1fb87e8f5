package io.scimkit.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter grammar of RFC 7644 §3.4.2.2 as tables (digest §6.1/§6.2, K-09, K-10, K-17, K-18,
 * K-66; Entra Q8, Q20): valid text against its canonical rendering and its AST shape as an
 * {@link SExpression}, and invalid text against the error detail. Tables use {@code |} between
 * columns and {@code `} to quote a cell.
 */
class FilterParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # RFC 7644 §3.4.2.2 Figure 2 example filters (P-FLT-15, P-FLT-24, P-FLT-25)
            userName eq "bjensen" | userName eq "bjensen" | (eq userName "bjensen")
            name.familyName co "O'Malley" | name.familyName co "O'Malley" | (co name.familyName "O'Malley")
            userName sw "J" | userName sw "J" | (sw userName "J")
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J" | urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J" | (sw urn:ietf:params:scim:schemas:core:2.0:User:userName "J")
            title pr | title pr | (pr title)
            meta.lastModified gt "2011-05-13T04:42:34Z" | meta.lastModified gt "2011-05-13T04:42:34Z" | (gt meta.lastModified "2011-05-13T04:42:34Z")
            meta.lastModified ge "2011-05-13T04:42:34Z" | meta.lastModified ge "2011-05-13T04:42:34Z" | (ge meta.lastModified "2011-05-13T04:42:34Z")
            meta.lastModified lt "2011-05-13T04:42:34Z" | meta.lastModified lt "2011-05-13T04:42:34Z" | (lt meta.lastModified "2011-05-13T04:42:34Z")
            meta.lastModified le "2011-05-13T04:42:34Z" | meta.lastModified le "2011-05-13T04:42:34Z" | (le meta.lastModified "2011-05-13T04:42:34Z")
            title pr and userType eq "Employee" | title pr and userType eq "Employee" | (and (pr title) (eq userType "Employee"))
            title pr or userType eq "Intern" | title pr or userType eq "Intern" | (or (pr title) (eq userType "Intern"))
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" | schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" | (eq schemas "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | (and (eq userType "Employee") (or (co emails "example.com") (co emails.value "example.org")))
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | (and (ne userType "Employee") (not (or (co emails "example.com") (co emails.value "example.org"))))
            userType eq "Employee" and (emails.type eq "work") | userType eq "Employee" and emails.type eq "work" | (and (eq userType "Employee") (eq emails.type "work"))
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | (and (eq userType "Employee") (at emails (and (eq type "work") (co value "@example.com"))))
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | (or (at emails (and (eq type "work") (co value "@example.com"))) (at ims (and (eq type "xmpp") (co value "@foo.com"))))
            # Other RFC 7644 filters: §3.4.2.1, §3.4.3, §3.5.2 PATCH value filters
            meta.resourceType eq "User" | meta.resourceType eq "User" | (eq meta.resourceType "User")
            displayName sw "smith" | displayName sw "smith" | (sw displayName "smith")
            members[value eq "2819c223-7f76-453a-919d-413861904646"] | members[value eq "2819c223-7f76-453a-919d-413861904646"] | (at members (eq value "2819c223-7f76-453a-919d-413861904646"))
            addresses[type eq "work"] | addresses[type eq "work"] | (at addresses (eq type "work"))
            # Every operator (Table 3)
            a eq "x" | a eq "x" | (eq a "x")
            a ne "x" | a ne "x" | (ne a "x")
            a co "x" | a co "x" | (co a "x")
            a sw "x" | a sw "x" | (sw a "x")
            a ew "x" | a ew "x" | (ew a "x")
            a gt 1 | a gt 1 | (gt a 1)
            a ge 1 | a ge 1 | (ge a 1)
            a lt 1 | a lt 1 | (lt a 1)
            a le 1 | a le 1 | (le a 1)
            a pr | a pr | (pr a)
            # P-FLT-04/05/06, K-17: names, operators, keywords and JSON literals in any case; canonical is lower case
            USERNAME EQ "bjensen" | USERNAME eq "bjensen" | (eq USERNAME "bjensen")
            Username Eq "x" | Username eq "x" | (eq Username "x")
            title PR | title pr | (pr title)
            a Ne 1 AND b Co "y" OR c sW "z" | a ne 1 and b co "y" or c sw "z" | (or (and (ne a 1) (co b "y")) (sw c "z"))
            NOT (a pr) | not (a pr) | (not (pr a))
            Not(a pr) | not (a pr) | (not (pr a))
            active eq TRUE | active eq true | (eq active true)
            active eq False | active eq false | (eq active false)
            manager eq NULL | manager eq null | (eq manager null)
            a GT 1 or a GE 2 or a LT 3 or a LE 4 or a EW "q" | a gt 1 or a ge 2 or a lt 3 or a le 4 or a ew "q" | (or (or (or (or (gt a 1) (ge a 2)) (lt a 3)) (le a 4)) (ew a "q"))
            # P-FLT-07: not > and > or, left-associative
            a eq 1 or b eq 2 and c eq 3 | a eq 1 or b eq 2 and c eq 3 | (or (eq a 1) (and (eq b 2) (eq c 3)))
            a eq 1 and b eq 2 or c eq 3 | a eq 1 and b eq 2 or c eq 3 | (or (and (eq a 1) (eq b 2)) (eq c 3))
            not (a pr) and b pr | not (a pr) and b pr | (and (not (pr a)) (pr b))
            a pr or b pr or c pr | a pr or b pr or c pr | (or (or (pr a) (pr b)) (pr c))
            a pr and b pr and c pr | a pr and b pr and c pr | (and (and (pr a) (pr b)) (pr c))
            a pr or b pr and c pr or d pr | a pr or b pr and c pr or d pr | (or (or (pr a) (and (pr b) (pr c))) (pr d))
            not (a pr) or not (b pr) and not (c pr) | not (a pr) or not (b pr) and not (c pr) | (or (not (pr a)) (and (not (pr b)) (not (pr c))))
            # P-FLT-08: parentheses override precedence; redundant ones disappear from the canonical form
            (a pr or b pr) and c pr | (a pr or b pr) and c pr | (and (or (pr a) (pr b)) (pr c))
            a pr and (b pr or c pr) | a pr and (b pr or c pr) | (and (pr a) (or (pr b) (pr c)))
            a pr or (b pr or c pr) | a pr or (b pr or c pr) | (or (pr a) (or (pr b) (pr c)))
            a pr and (b pr and c pr) | a pr and (b pr and c pr) | (and (pr a) (and (pr b) (pr c)))
            (a pr and b pr) or c pr | a pr and b pr or c pr | (or (and (pr a) (pr b)) (pr c))
            ((((a pr)))) | a pr | (pr a)
            not (not (a pr)) | not (not (a pr)) | (not (not (pr a)))
            not ((a pr) and (b pr)) | not (a pr and b pr) | (not (and (pr a) (pr b)))
            # K-10: not( and not ( ; K-09: one or more spaces or tabs, leading and trailing whitespace
            not(a pr) | not (a pr) | (not (pr a))
            `not   (a pr)` | not (a pr) | (not (pr a))
            `  userName eq "x"  ` | userName eq "x" | (eq userName "x")
            `userName   eq     "x"` | userName eq "x" | (eq userName "x")
            `userName\teq\t"x"` | userName eq "x" | (eq userName "x")
            `a pr \t and\t\tb pr` | a pr and b pr | (and (pr a) (pr b))
            `( a pr )` | a pr | (pr a)
            `emails[ type eq "work" ]` | emails[type eq "work"] | (at emails (eq type "work"))
            `\t not ( a pr ) \t` | not (a pr) | (not (pr a))
            # P-FLT-13/14/29: value paths, with nested logic inside the brackets
            emails[type eq "work" and (value co "a" or value co "b")] | emails[type eq "work" and (value co "a" or value co "b")] | (at emails (and (eq type "work") (or (co value "a") (co value "b"))))
            emails[not (type eq "work")] | emails[not (type eq "work")] | (at emails (not (eq type "work")))
            emails[type eq "work" or primary eq true] | emails[type eq "work" or primary eq true] | (at emails (or (eq type "work") (eq primary true)))
            emails[type eq "work"] and not (userName eq "x") | emails[type eq "work"] and not (userName eq "x") | (and (at emails (eq type "work")) (not (eq userName "x")))
            not (emails[type eq "work"]) | not (emails[type eq "work"]) | (not (at emails (eq type "work")))
            urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"] | urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"] | (at urn:ietf:params:scim:schemas:core:2.0:User:emails (eq type "work"))
            # P-FLT-15/16: schema URN prefixes (URNs contain ':' and '.'); $ref is a name
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x" | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x" | (eq urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value "x")
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "42" | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "42" | (eq urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber "42")
            URN:IETF:params:scim:schemas:core:2.0:User:USERNAME Eq "J" | URN:IETF:params:scim:schemas:core:2.0:User:USERNAME eq "J" | (eq URN:IETF:params:scim:schemas:core:2.0:User:USERNAME "J")
            members.$ref pr | members.$ref pr | (pr members.$ref)
            MEMBERS.$REF pr | MEMBERS.$REF pr | (pr MEMBERS.$REF)
            members[$ref eq "https://example.com/v2/Users/1"] | members[$ref eq "https://example.com/v2/Users/1"] | (at members (eq $ref "https://example.com/v2/Users/1"))
            $ref eq "x" | $ref eq "x" | (eq $ref "x")
            x-y_z9$ eq 1 | x-y_z9$ eq 1 | (eq x-y_z9$ 1)
            # Attributes that are spelled like keywords
            not pr | not pr | (pr not)
            not eq 1 | not eq 1 | (eq not 1)
            not[value eq 1] | not[value eq 1] | (at not (eq value 1))
            and pr or or pr | and pr or or pr | (or (pr and) (pr or))
            pr pr | pr pr | (pr pr)
            eq eq "eq" | eq eq "eq" | (eq eq "eq")
            # P-FLT-25: JSON numbers; integers beyond long become decimals; decimals keep their scale
            a eq 0 | a eq 0 | (eq a 0)
            a eq -0 | a eq 0 | (eq a 0)
            a eq -42 | a eq -42 | (eq a -42)
            a eq 123456789012345678 | a eq 123456789012345678 | (eq a 123456789012345678)
            a eq 9223372036854775807 | a eq 9223372036854775807 | (eq a 9223372036854775807)
            a eq -9223372036854775808 | a eq -9223372036854775808 | (eq a -9223372036854775808)
            a eq 9223372036854775808 | a eq 9223372036854775808 | (eq a 9223372036854775808m)
            a eq -9223372036854775809 | a eq -9223372036854775809 | (eq a -9223372036854775809m)
            a eq 1.5 | a eq 1.5 | (eq a 1.5m)
            a eq 1.50 | a eq 1.50 | (eq a 1.50m)
            a eq -0.001 | a eq -0.001 | (eq a -0.001m)
            a eq 1e3 | a eq 1E+3 | (eq a 1E+3m)
            a eq 1E-3 | a eq 0.001 | (eq a 0.001m)
            a eq -1.5e+2 | a eq -1.5E+2 | (eq a -1.5E+2m)
            a eq 5e0 | a eq 5E0 | (eq a 5m)
            a eq 0.0 | a eq 0.0 | (eq a 0.0m)
            # Strings: empty, quotes of the other kind, raw non-ASCII; dateTime values are strings
            a eq "" | a eq "" | (eq a "")
            a eq "it's" | a eq "it's" | (eq a "it's")
            a eq "Müller 東京 😀" | a eq "Müller 東京 😀" | (eq a "Müller 東京 😀")
            a eq "a (b) [c] and or not" | a eq "a (b) [c] and or not" | (eq a "a (b) [c] and or not")
            meta.created lt "2024-01-01T00:00:00.000+01:00" | meta.created lt "2024-01-01T00:00:00.000+01:00" | (lt meta.created "2024-01-01T00:00:00.000+01:00")
            # Entra ID lookups (entra-samples/*.http) and Q8 casing
            userName eq "alice@contoso.example" | userName eq "alice@contoso.example" | (eq userName "alice@contoso.example")
            userName eq "ALICE@CONTOSO.EXAMPLE" | userName eq "ALICE@CONTOSO.EXAMPLE" | (eq userName "ALICE@CONTOSO.EXAMPLE")
            userName eq "alice.smith@contoso.example" | userName eq "alice.smith@contoso.example" | (eq userName "alice.smith@contoso.example")
            userName eq "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46" | userName eq "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46" | (eq userName "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46")
            externalId eq "alice" | externalId eq "alice" | (eq externalId "alice")
            externalId eq "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46" | externalId eq "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46" | (eq externalId "9b2e4f1a-6c3d-4e8b-a1f0-2d7c5b9e3a46")
            displayName eq "Engineering" | displayName eq "Engineering" | (eq displayName "Engineering")
            displayName eq "engineering" | displayName eq "engineering" | (eq displayName "engineering")
            members[value eq "u-7c1e2a"] | members[value eq "u-7c1e2a"] | (at members (eq value "u-7c1e2a"))
            manager[value eq "u-3f9b10"] | manager[value eq "u-3f9b10"] | (at manager (eq value "u-3f9b10"))
            name.FamilyName eq "Smith" | name.FamilyName eq "Smith" | (eq name.FamilyName "Smith")
            meta.Created gt "2023-01-01T00:00:00Z" | meta.Created gt "2023-01-01T00:00:00Z" | (gt meta.Created "2023-01-01T00:00:00Z")
            ActiVe eq True | ActiVe eq true | (eq ActiVe true)
            DisplayName eq "Group" | DisplayName eq "Group" | (eq DisplayName "Group")
            """)
    void parsesValidFilters(String text, String canonical, String shape) {
        Filter strict = FilterParser.parse(text, FilterSettings.strict());

        assertThat(strict.toString()).isEqualTo(canonical);
        assertThat(SExpression.of(strict)).isEqualTo(shape);
        assertThat(FilterParser.parse(text)).isEqualTo(strict);
        assertThat(FilterParser.parse(canonical, FilterSettings.strict())).isEqualTo(strict);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # K-18: single-quoted strings, with \\' and a raw double quote inside
            displayName sw 'Group' | displayName sw "Group" | (sw displayName "Group")
            a eq 'it\\'s' | a eq "it's" | (eq a "it's")
            a eq 'say "hi"' | a eq "say \\"hi\\"" | (eq a "say \\"hi\\"")
            a eq '' | a eq "" | (eq a "")
            # Q20/K-66: Entra's emails[type eq "work"].value eq "x" becomes one value filter
            emails[type eq "work"].value eq "alice@contoso.example" | emails[type eq "work" and value eq "alice@contoso.example"] | (at emails (and (eq type "work") (eq value "alice@contoso.example")))
            emails[type eq "other"].Value eq "x" | emails[type eq "other" and Value eq "x"] | (at emails (and (eq type "other") (eq Value "x")))
            addresses[type eq "other"].Formatted co "Main" | addresses[type eq "other" and Formatted co "Main"] | (at addresses (and (eq type "other") (co Formatted "Main")))
            emails[type eq "work"].value pr | emails[type eq "work" and value pr] | (at emails (and (eq type "work") (pr value)))
            emails[type eq "work" or type eq "home"].value SW "a" | emails[(type eq "work" or type eq "home") and value sw "a"] | (at emails (and (or (eq type "work") (eq type "home")) (sw value "a")))
            emails[type eq "work"].value eq "x" and userName pr | emails[type eq "work" and value eq "x"] and userName pr | (and (at emails (and (eq type "work") (eq value "x"))) (pr userName))
            not (emails[type eq "work"].value eq 'x') | not (emails[type eq "work" and value eq "x"]) | (not (at emails (and (eq type "work") (eq value "x"))))
            """)
    void lenientSettingsAcceptClientShapes(String text, String canonical, String shape) {
        Filter lenient = FilterParser.parse(text);

        assertThat(lenient.toString()).isEqualTo(canonical);
        assertThat(SExpression.of(lenient)).isEqualTo(shape);
        assertThat(FilterParser.parse(canonical, FilterSettings.strict())).isEqualTo(lenient);
        assertInvalid(text, FilterSettings.strict(), "position");
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("a eq \"q\\\"b\\\\s\\/f\"", "q\"b\\s/f", "a eq \"q\\\"b\\\\s/f\""),
                Arguments.of("a eq \"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t", "a eq \"\\b\\f\\n\\r\\t\""),
                Arguments.of("a eq \"\\u00e9\\u00C9\"", "éÉ", "a eq \"éÉ\""),
                Arguments.of("a eq \"\\uD83D\\uDE00\"", "😀", "a eq \"😀\""),
                Arguments.of("a eq \"\\ud83d\\ude00!\"", "😀!", "a eq \"😀!\""),
                Arguments.of("a eq \"\\u0001\\u001f\\u007f\"", "\u0001\u001f\u007f", "a eq \"\\u0001\\u001f\u007f\""),
                Arguments.of("a eq \"x\\\\\"", "x\\", "a eq \"x\\\\\""),
                Arguments.of("a eq \"\\\"\"", "\"", "a eq \"\\\"\""),
                Arguments.of("a eq \"tab\\there\"", "tab\there", "a eq \"tab\\there\""),
                Arguments.of("a eq \"mix \\u0041\\n\\\"end\\\"\"", "mix A\n\"end\"", "a eq \"mix A\\n\\\"end\\\"\""));
    }

    /** P-FLT-25: every JSON escape (RFC 8259 §7), including a surrogate pair spelled as two escapes. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("escapes")
    void decodesJsonEscapes(String text, String value, String canonical) {
        Filter filter = FilterParser.parse(text, FilterSettings.strict());

        assertThat(filter).isEqualTo(Filter.compare(AttributePath.of("a"), CompareOp.EQ, StringValue.of(value)));
        assertThat(filter.toString()).isEqualTo(canonical);
        assertThat(FilterParser.parse(canonical, FilterSettings.strict())).isEqualTo(filter);
    }

    /** P-FLT-15 and digest §6.2: the URN is everything up to the last ':' before the attribute name. */
    @Test
    void splitsSchemaUrnFromAttributeAndSubAttribute() {
        Filter filter = FilterParser.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\"");

        assertThat(((ComparisonFilter) filter).path()).usingRecursiveComparison().isEqualTo(new AttributePath(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value"));
    }

    @Test
    void readsIntegersAsLongsAndEverythingElseAsDecimals() {
        assertThat(literal("a eq 42")).isEqualTo(IntegerValue.of(42));
        assertThat(literal("a eq -9223372036854775808")).isEqualTo(IntegerValue.of(Long.MIN_VALUE));
        assertThat(literal("a eq 18446744073709551616"))
                .isEqualTo(DecimalValue.of(new BigDecimal("18446744073709551616")));
        assertThat(literal("a eq 2.50")).isEqualTo(DecimalValue.of(new BigDecimal("2.50")));
        assertThat(literal("a eq 1e400")).isEqualTo(DecimalValue.of(new BigDecimal("1e400")));
        assertThat(literal("a eq -1e1000")).isEqualTo(DecimalValue.of(new BigDecimal("-1e1000")));
        assertThat(literal("a eq 1e-1000")).isEqualTo(DecimalValue.of(new BigDecimal("1e-1000")));
    }

    private static Object literal(String text) {
        return ((ComparisonFilter) FilterParser.parse(text, FilterSettings.strict())).value();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # P-FLT-03: missing parts
            userName eq | expected a value at position 11
            `userName eq ` | expected a value (a string, number, true, false or null) at position 12
            userName "x" | expected a comparison operator at position 9
            userName | expected a comparison operator at position 8
            `userName ` | expected a comparison operator at position 9
            `eq "x"` | expected a comparison operator at position 3
            a eq"x" | expected whitespace after 'eq' at position 4
            a@b eq 1 | expected whitespace and a comparison operator after 'a' at position 1
            emails [type eq "x"] | expected a comparison operator at position 7
            # P-FLT-09: unknown operators
            userName regex "x" | operator 'regex' is not supported at position 9
            userName EQUALS "x" | operator 'EQUALS' is not supported at position 9
            a eq1 "x" | operator 'eq1' is not supported at position 2
            user name eq "x" | operator 'name' is not supported at position 5
            a prx | operator 'prx' is not supported at position 2
            a eq 1 or or b pr | operator 'b' is not supported at position 13
            # unbalanced parentheses and brackets
            (userName eq "x" | expected ')' to close the '(' from offset 0, 'and' or 'or' but the filter ends at position 16
            userName eq "x") | unbalanced ')'; expected the end of the filter, 'and' or 'or' at position 15
            ((a pr) | but the filter ends at position 7
            (a pr)) | unbalanced ')'; expected the end of the filter, 'and' or 'or' at position 6
            () | unbalanced ')'; expected an attribute path, '(' or 'not' at position 1
            (a pr] | unbalanced ']'; expected ')' to close the '(' from offset 0, 'and' or 'or' at position 5
            (a pr b pr) | expected ')' to close the '(' from offset 0, 'and' or 'or' at position 6
            not (a pr | but the filter ends at position 9
            emails[type eq "work" | expected ']' to close the '[' from offset 6, 'and' or 'or' but the filter ends at position 21
            emails[type eq "work")] | unbalanced ')'; expected ']' to close the '[' from offset 6, 'and' or 'or' at position 21
            emails[type eq "work"]] | unbalanced ']'; expected the end of the filter, 'and' or 'or' at position 22
            emails[] | unbalanced ']'; expected an attribute path, '(' or 'not' at position 7
            [type eq "x"] | expected an attribute path, '(' or 'not' at position 0
            a eq "x" ] | unbalanced ']'; expected the end of the filter, 'and' or 'or' at position 9
            # trailing garbage and dangling keywords
            a pr b pr | expected the end of the filter, 'and' or 'or' at position 5
            a pr and | expected an expression after 'and' at position 8
            a pr or | expected an expression after 'or' at position 7
            `a pr and ` | expected an attribute path, '(' or 'not' but the filter ends at position 9
            a pr and(b pr) | expected whitespace after 'and' at position 8
            a pr andy pr | expected the end of the filter, 'and' or 'or' at position 5
            a eq "x"and b pr | expected whitespace, ')', ']' or the end of the filter after the value at position 8
            a eq 1) | unbalanced ')'; expected the end of the filter, 'and' or 'or' at position 6
            a pr "x" | expected the end of the filter, 'and' or 'or' at position 5
            # not requires a parenthesized operand (RFC ABNF: "not" "(" valFilter ")")
            not userName eq "x" | expected '(' after 'not' at position 4
            not | expected '(' after 'not' at position 3
            `not ` | expected '(' after 'not' at position 4
            not [a pr] | expected '(' after 'not' at position 4
            # invalid attribute paths (digest §6.2: one sub-attribute level)
            a.b.c eq "x" | 'a.b.c' has more than one sub-attribute level at position 0
            urn:x:a.b.c pr | has more than one sub-attribute level at position 0
            1abc eq "x" | expected an attribute path, '(' or 'not' at position 0
            "userName" eq "x" | expected an attribute path, '(' or 'not' at position 0
            $foo eq 1 | '$foo' is not a valid attribute name at position 0
            a. eq 1 | '' is not a valid sub-attribute name at position 0
            a.1b eq 1 | '1b' is not a valid sub-attribute name at position 0
            urn:x: eq 1 | expected an attribute name after the schema URN at position 6
            urn:x:.a eq 1 | '' is not a valid attribute name at position 0
            -a eq 1 | expected an attribute path, '(' or 'not' at position 0
            # value paths: no nesting, no sub-attribute before '[', plain names inside
            emails[type[value eq "x"]] | a value filter cannot be nested inside the value filter of 'emails' at position 11
            emails[a pr and b[c pr]] | a value filter cannot be nested inside the value filter of 'emails' at position 17
            name.givenName[value eq "x"] | a value filter applies to an attribute, not to the sub-attribute 'name.givenName' at position 14
            emails[urn:x:type eq "x"] | inside the value filter of 'emails', 'urn:x:type' must be a plain sub-attribute name at position 7
            emails[type.value eq "x"] | inside the value filter of 'emails', 'type.value' must be a plain sub-attribute name at position 7
            # values: K-18 bare words, JSON literals, numbers
            meta.resourceType eq User | 'User' is not a value; strings must be in double quotes at position 21
            a eq tru | 'tru' is not a value; strings must be in double quotes at position 5
            a eq true1 | 'true1' is not a value; strings must be in double quotes at position 5
            a eq nullx | 'nullx' is not a value; strings must be in double quotes at position 5
            a eq +1 | expected a value (a string, number, true, false or null) at position 5
            a eq (1) | expected a value (a string, number, true, false or null) at position 5
            a eq 01 | '01' is not a valid JSON number at position 5
            a eq -01 | '-01' is not a valid JSON number at position 5
            a eq 1. | '1.' is not a valid JSON number at position 5
            a eq .5 | '.5' is not a value; strings must be in double quotes at position 5
            a eq - | '-' is not a valid JSON number at position 5
            a eq -x | '-x' is not a valid JSON number at position 5
            a eq 1e | '1e' is not a valid JSON number at position 5
            a eq 1e+ | '1e+' is not a valid JSON number at position 5
            a eq 0x1F | '0x1F' is not a valid JSON number at position 5
            a eq 1.5.2 | '1.5.2' is not a valid JSON number at position 5
            a eq 12abc | '12abc' is not a valid JSON number at position 5
            a eq 1e99999999999 | the number '1e99999999999' is out of range at position 5
            a eq 1e1001 | the number '1e1001' is out of range at position 5
            a eq 1e-1001 | the number '1e-1001' is out of range at position 5
            a eq 0.5e-1000 | the number '0.5e-1000' is out of range at position 5
            a eq 1e999999999 | the number '1e999999999' is out of range at position 5
            # strings: termination, escapes, control characters, surrogates
            a eq "unterminated | unterminated string starting at position 5
            a eq "x\\" | unterminated string starting at position 5
            a eq "x\\ | unterminated escape sequence at position 7
            a eq "bad \\x escape" | invalid escape sequence '\\x' at position 10
            a eq "\\'" | invalid escape sequence '\\'' at position 6
            a eq "\\u12" | a \\u escape needs four hex digits at position 6
            a eq "\\u12G4" | a \\u escape needs four hex digits at position 6
            a eq "\\u١٢٣٤" | a \\u escape needs four hex digits at position 6
            `a eq "raw\ttab"` | control character U+0009 must be escaped in a string at position 9
            a eq "\\uD800" | unpaired surrogate U+D800 at position 5
            a eq "\\uDE00\\uD83D" | unpaired surrogate U+DE00 at position 5
            a eq "x\\uD83Dy" | unpaired surrogate U+D83D at position 5
            # issue 11: U+0000 (escaped; raw it is a control character) is no SCIM string either
            a eq "a\\u0000b" | the string starting here contains the character U+0000 at position 5
            a eq "\\u0000" | contains the character U+0000 at position 5
            userName eq "\\uD83D\\uDE00\\u0000" | contains the character U+0000 at position 12
            # empty input
            `` | the filter is empty at position 0
            `   ` | the filter is empty at position 3
            `\t` | the filter is empty at position 1
            """)
    void rejectsMalformedFiltersInBothModes(String text, String detail) {
        assertInvalid(text, FilterSettings.strict(), detail);
        assertInvalid(text, FilterSettings.lenient(), detail);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # K-18: single quotes only in lenient mode
            displayName sw 'Group' | single-quoted strings are not allowed; use double quotes at position 15
            a eq '' | single-quoted strings are not allowed; use double quotes at position 5
            # Q20/K-66: the Entra form only in lenient mode
            emails[type eq "work"].value eq "x" | a sub-attribute after a value filter ('].name') is only allowed in PATCH paths, not in filters at position 22
            emails[type eq "work"].value pr | only allowed in PATCH paths, not in filters at position 22
            """)
    void strictSettingsRejectClientShapes(String text, String detail) {
        assertInvalid(text, FilterSettings.strict(), detail);
        assertThat(FilterParser.parse(text)).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a eq 'unterminated | unterminated string starting at position 5
            a eq 'x\\y' | invalid escape sequence '\\y' at position 7
            emails[type eq "work"]. | expected a sub-attribute name after '].' at position 23
            emails[type eq "work"].value | expected a comparison operator at position 28
            emails[type eq "work"].value.x eq 1 | inside the value filter of 'emails', 'value.x' must be a plain sub-attribute name at position 23
            emails[type eq "work"].urn:x:value eq 1 | must be a plain sub-attribute name at position 23
            emails[type eq "work"].value eq | expected a value at position 31
            emails[type eq "work"].value regex "x" | operator 'regex' is not supported at position 29
            emails[type eq "work"].value[a pr] | expected whitespace and a comparison operator after 'value' at position 28
            emails[type[a pr]].value eq 1 | a value filter cannot be nested inside the value filter of 'emails' at position 11
            """)
    void rejectsMalformedLenientShapes(String text, String detail) {
        assertInvalid(text, FilterSettings.lenient(), detail);
    }

    /** Raw (unescaped) surrogates must pair up too; a raw pair is an ordinary character. */
    @Test
    void rejectsRawUnpairedSurrogates() {
        assertInvalid("a eq \"x\uD800\"", FilterSettings.strict(), "unpaired surrogate U+D800 at position 5");
        assertInvalid("a eq \"\uDC00x\"", FilterSettings.strict(), "unpaired surrogate U+DC00 at position 5");
        assertInvalid("a eq '\uD83D'", FilterSettings.lenient(), "unpaired surrogate U+D83D at position 5");

        assertThat(literal("a eq \"\uD83D\uDE00\"")).isEqualTo(StringValue.of("\uD83D\uDE00"));
    }

    /** A raw U+0000 (as %00 in a query string decodes to) is a control character, in both modes. */
    @Test
    void rejectsRawNul() {
        assertInvalid("a eq \"raw\u0000nul\"", FilterSettings.strict(), "control character U+0000 must be escaped");
        assertInvalid("a eq 'raw\u0000nul'", FilterSettings.lenient(), "control character U+0000 must be escaped");
    }

    @Test
    void rejectsFiltersLongerThanTheLimit() {
        String text = "a pr" + " or a pr".repeat(600);
        assertThat(FilterParser.parse(text, FilterSettings.strict().withMaxLength(text.length()))).isNotNull();

        assertInvalid(text, FilterSettings.strict(), "more than the 4096 allowed at position 4096");
        assertInvalid(text, FilterSettings.strict().withMaxLength(text.length() - 1), "allowed at position");
    }

    @Test
    void acceptsNestingUpToTheLimitAndRejectsOneMore() {
        FilterSettings settings = FilterSettings.strict().withMaxDepth(5);

        assertThat(FilterParser.parse("(((((a pr)))))", settings)).isEqualTo(Filter.present(AttributePath.of("a")));
        assertThat(FilterParser.parse("not (emails[not (a pr)])", settings)).isNotNull();
        assertInvalid("((((((a pr))))))", settings, "deeper than 5 levels at position 5");
        assertInvalid("not (not (not (a pr)))", settings, "deeper than 5 levels at position 14");
        assertInvalid("not (not (x[not (a pr)]))", settings, "deeper than 5 levels at position 12");
    }

    @Test
    void deepNestingIsAnInvalidFilterNotAStackOverflow() {
        int levels = 10_000;
        String parens = "(".repeat(levels) + "a pr" + ")".repeat(levels);
        String nots = "not (".repeat(levels) + "a pr" + ")".repeat(levels);
        FilterSettings roomy = FilterSettings.strict().withMaxLength(100 * levels);

        assertInvalid(parens, roomy, "deeper than 32 levels at position 32");
        assertInvalid(nots, roomy, "deeper than 32 levels at position 80");
        assertInvalid("(".repeat(levels), roomy, "deeper than 32 levels");
        // A caller that lifts the depth limit beyond what the stack holds still gets invalidFilter.
        String deeper = "(".repeat(50 * levels) + "a pr" + ")".repeat(50 * levels);
        assertInvalid(deeper, roomy.withMaxDepth(Integer.MAX_VALUE), "position");
    }

    @Test
    void longFlatFiltersParseWithoutRecursionTrouble() {
        String text = "a eq 1" + " and a eq 1".repeat(5_000);
        Filter filter = FilterParser.parse(text, FilterSettings.strict().withMaxLength(text.length()));

        assertThat(filter).isInstanceOf(AndFilter.class);
    }

    private static void assertInvalid(String text, FilterSettings settings, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(text, settings));

        assertThat(error).as("parse(%s) must fail", text).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail).containsPattern("at position \\d+$");
    }
}
