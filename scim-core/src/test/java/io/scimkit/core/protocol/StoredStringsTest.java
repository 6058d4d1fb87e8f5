package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 finding 6: the fixed string lengths the core checks before any write (ServiceLimits). */
class StoredStringsTest {
    private static final int KEY = ServiceLimits.MAX_KEY_LENGTH;
    private static final int TEXT = ServiceLimits.MAX_MEMBER_TEXT_LENGTH;

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("userName", body("userName", text(KEY)), null),
                Arguments.of("userName + 1", body("userName", text(KEY + 1)), "'userName' is longer than the 600"),
                Arguments.of("displayName + 1", body("displayName", text(KEY + 1)), "'displayName' is longer"),
                Arguments.of("externalId + 1", body("externalId", text(KEY + 1)), "'externalId' is longer"),
                // U+FB03 (ffi) folds to three letters: 200 fit, 201 do not
                Arguments.of("folded userName", body("userName", StringValue.of("\uFB03".repeat(KEY / 3))), null),
                Arguments.of("folded userName + 1", body("userName", StringValue.of("\uFB03".repeat(KEY / 3 + 1))),
                        "once case-folded"),
                Arguments.of("emails.value", body("emails", email("value", KEY)), null),
                Arguments.of("emails.value + 1", body("emails", email("value", KEY + 1)), "'emails.value' is longer"),
                Arguments.of("emails.type + 1", body("emails", email("type", KEY + 1)), "'emails.type' is longer"),
                Arguments.of("a single email object + 1", body("emails", ComplexValue.builder().put("value", text(KEY + 1))
                        .build()), "'emails.value' is longer"),
                Arguments.of("a long attribute without a limit", body("title", text(TEXT * 2)), null),
                Arguments.of("a userName that is not a string is left to validation", body("userName",
                        MultiValue.of(List.of(text(KEY + 1)))), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bodies")
    void checksTheIndexedAttributesOfABody(String name, ComplexValue body, @Nullable String problem) {
        assertRule(() -> StoredStrings.checkBody(body), problem);
    }

    static Stream<Arguments> members() {
        return Stream.of(
                Arguments.of("at the limits", member(KEY, KEY, TEXT, TEXT), null),
                Arguments.of("value + 1", member(KEY + 1, 1, 1, 1), "'members.value' is longer than the 600"),
                Arguments.of("type + 1", member(1, KEY + 1, 1, 1), "'members.type' is longer than the 600"),
                Arguments.of("display + 1", member(1, 1, TEXT + 1, 1), "'members.display' is longer than the 4000"),
                Arguments.of("$ref + 1", member(1, 1, 1, TEXT + 1), "'members.$ref' is longer than the 4000"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("members")
    void checksEveryMemberAWriteAdds(String name, ComplexValue member, @Nullable String problem) {
        assertRule(() -> StoredStrings.checkMembers(List.of(ComplexValue.builder().put("value", "ok").build(), member)),
                problem);
        assertRule(() -> new MemberDelta().add(List.of(member)), problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a\u0000b", "\uD800", "x\uDC00", "\uDE00\uD83D"})
    void anIdWithAnUnstorableCharacterNamesNothing(String id) {
        assertThat(StoredStrings.canName(id)).isFalse();
        assertThat(StoredStrings.canName("2819c223-7f76-453a-919d-413861904646")).isTrue();
        assertThat(StoredStrings.canName("a\uD83D\uDE00" + "x".repeat(1000))).isTrue();
    }

    private static void assertRule(Runnable check, @Nullable String problem) {
        if (problem == null) {
            assertThatCode(check::run).doesNotThrowAnyException();
            return;
        }
        ScimException error = catchThrowableOfType(ScimException.class, check::run);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_VALUE);
        assertThat(error.detail()).contains(problem);
    }

    private static StringValue text(int length) {
        return StringValue.of("x".repeat(length));
    }

    private static ComplexValue body(String name, ScimValue value) {
        return ComplexValue.builder().put("userName", "bob").put(name, value).build();
    }

    private static MultiValue email(String field, int length) {
        ComplexValue.Builder email = ComplexValue.builder().put("value", "b@example.com").put(field, text(length));
        return MultiValue.of(List.of(email.build()));
    }

    private static ComplexValue member(int value, int type, int display, int ref) {
        return ComplexValue.builder().put("value", text(value)).put("type", text(type)).put("display", text(display))
                .put("$ref", ReferenceValue.of("x".repeat(ref))).build();
    }
}
