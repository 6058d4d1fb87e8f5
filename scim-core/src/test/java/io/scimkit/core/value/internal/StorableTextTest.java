package io.scimkit.core.value.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 11 finding 5: which strings every store can hold (no U+0000, no unpaired surrogate). */
class StorableTextTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("", -1, null),
                Arguments.of("plain", -1, null),
                Arguments.of("tab\tnewline\ncontrol\u0001\u001f\u007f", -1, null),
                Arguments.of("emoji \uD83D\uDE00 pair", -1, null),
                Arguments.of("\uFFFE\uFFFF noncharacters are characters", -1, null),
                Arguments.of("\u0000", 0, "the character U+0000"),
                Arguments.of("a\u0000b", 1, "the character U+0000"),
                Arguments.of("\uD800", 0, "an unpaired surrogate U+D800"),
                Arguments.of("ab\uDC00", 2, "an unpaired surrogate U+DC00"),
                Arguments.of("\uDE00\uD83D", 0, "an unpaired surrogate U+DE00"),
                Arguments.of("x\uD83Dy", 1, "an unpaired surrogate U+D83D"),
                Arguments.of("\uD83D\uDE00\uD83D", 2, "an unpaired surrogate U+D83D"),
                Arguments.of("\uD83D\uDE00\u0000", 2, "the character U+0000"));
    }

    @ParameterizedTest(name = "[{index}] first bad at {1}")
    @MethodSource("texts")
    void findsTheFirstUnstorableCharacter(String text, int index, String description) {
        assertThat(StorableText.firstUnstorable(text)).isEqualTo(index);
        assertThat(StorableText.isStorable(text)).isEqualTo(index < 0);
        if (index >= 0) {
            assertThat(StorableText.describe(text, index)).isEqualTo(description);
        }
    }
}
