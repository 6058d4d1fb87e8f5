package io.scimkit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64 decoding of {@link BinaryValue} (RFC 7643 §2.3.6, S-ATTR-07; RFC 4648 §4, §5). */
class BinaryValueTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("YQ==", "a"),
                Arguments.of("YQ", "a"),
                Arguments.of("YWI=", "ab"),
                Arguments.of("YWI", "ab"),
                Arguments.of("YWJj", "abc"),
                Arguments.of("aGVsbG8gd29ybGQ=", "hello world"),
                Arguments.of("aGVsbG8gd29ybGQ", "hello world"),
                // Wrapped text, as PEM bodies are.
                Arguments.of("aGVs\r\nbG8g\nd29y bGQ=", "hello world"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("valid")
    void decodesBase64WithOrWithoutPadding(String text, String decoded) {
        assertThat(new String(BinaryValue.of(text).decode(), StandardCharsets.UTF_8)).isEqualTo(decoded);
    }

    @Test
    void decodesBase64UrlWithOrWithoutPadding() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};

        assertThat(BinaryValue.of("-_-_AQ==").decode()).isEqualTo(bytes);
        assertThat(BinaryValue.of("-_-_AQ").decode()).isEqualTo(bytes);
        assertThat(BinaryValue.of("+/+/AQ==").decode()).isEqualTo(bytes);
        assertThat(BinaryValue.of("+/+/AQ").decode()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"!!!!", "YQ=!", "Y", "YQ=", "YQ===", "a*bc", "YWJj\u00e9", "-_+/", "YQ==YQ==x", "%%"})
    void rejectsTextThatIsNotBase64(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> BinaryValue.of(text).decode());
    }

    /** A seeded property: random bytes encoded every way decode to themselves. */
    @Test
    void roundTripsRandomBytesInEveryEncoding() {
        Random random = new Random(4648);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);

            assertThat(BinaryValue.of(Base64.getEncoder().encodeToString(bytes)).decode()).isEqualTo(bytes);
            assertThat(BinaryValue.of(Base64.getEncoder().withoutPadding().encodeToString(bytes)).decode())
                    .isEqualTo(bytes);
            assertThat(BinaryValue.of(Base64.getUrlEncoder().encodeToString(bytes)).decode()).isEqualTo(bytes);
            assertThat(BinaryValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).decode())
                    .isEqualTo(bytes);
            assertThat(BinaryValue.of(Base64.getMimeEncoder().encodeToString(bytes)).decode()).isEqualTo(bytes);
        }
    }

    @Test
    void keepsTheTextAsSent() {
        assertThat(BinaryValue.of("YQ").base64()).isEqualTo("YQ");
    }
}
