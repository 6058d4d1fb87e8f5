package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entity-tag parsing and the weak comparison of digest K-43 (RFC 7644 §3.14, RFC 9110 §8.8.3). */
class PreconditionsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            W/"abc"          | abc
            "abc"            | abc
            abc              | abc
            w/"abc"          | abc
            "W/\\"abc\\""    | abc
            ` W/"a,b" `      | a,b
            W/""             | ``
            """)
    void k43_opaquePartIgnoresWeaknessQuotesAndEscapes(String tag, String opaque) {
        assertThat(Preconditions.opaque(tag)).isEqualTo(opaque);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            W/"1", W/"2"          | W/"1";W/"2"
            "a,b", "c"            | "a,b";"c"
            *                     | *
            W/"1",,W/"2"          | W/"1";W/"2"
            "x\\"y", z            | "x\\"y";z
            """)
    void headerFieldsSplitIntoTagsOutsideQuotes(String field, String tags) {
        assertThat(String.join(";", Preconditions.tags(field))).isEqualTo(tags);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            W/"abc"          | abc
            w/"abc"          | abc
            "abc"            | abc
            abc              | abc
            "W/\\"abc\\""    | abc
            W/\\"abc\\"      | abc
            ` W/"a,b" `      | a,b
            W/""             | ``
            W/"a/b"          | a/b
            """)
    void issue11_wellFormedTagsGiveTheirOpaquePart(String tag, String opaque) {
        assertThat(Preconditions.parse(tag)).isEqualTo(opaque);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `W/"abc`         | unterminated weak tag
            `"abc`           | unterminated strong tag
            `abc"`           | quote only at the end
            `"`              | a lone quote
            `W/`             | weakness without a tag
            `a b`            | space inside the tag
            `"a b"`          | space inside the quotes
            `"a"b"`          | quote inside the quotes
            `"a\\b"`         | backslash inside the quotes
            `W/\\"abc`       | unterminated escaped tag
            `garbage{}` | control character
            """)
    void issue11_malformedTagsAreRefused(String tag, String why) {
        assertThat(Preconditions.parse(tag)).as(why).isNull();
    }
}
