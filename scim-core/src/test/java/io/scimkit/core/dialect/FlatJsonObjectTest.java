package io.scimkit.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.NullValue;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader for Entra's roles serialised as JSON text (quirk Q15). */
class FlatJsonObjectTest {

    @Test
    void readsEntrasRoleText() {
        assertThat(FlatJsonObject.parse(" {\"id\":\"3c1f\",\"value\":\"Reader\",\"displayName\":\"Reader\"} "))
                .contains(ComplexValue.builder().put("id", "3c1f").put("value", "Reader").put("displayName", "Reader")
                        .build());
    }

    @Test
    void readsScalarsAndEscapes() {
        assertThat(FlatJsonObject.parse("{\"a\":true,\"b\":false,\"c\":null,\"d\":-12,\"e\":1.50,\"f\":2e3,"
                + "\"g\":\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\",\"h\":123456789012345678901}"))
                .contains(ComplexValue.builder().put("a", BooleanValue.TRUE).put("b", BooleanValue.FALSE)
                        .put("c", NullValue.INSTANCE).put("d", IntegerValue.of(-12))
                        .put("e", DecimalValue.of(new BigDecimal("1.50"))).put("f", DecimalValue.of(new BigDecimal("2e3")))
                        .put("g", "q\"\\/\b\f\n\r\té")
                        .put("h", DecimalValue.of(new BigDecimal("123456789012345678901"))).build());
        assertThat(FlatJsonObject.parse("{}")).contains(ComplexValue.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "}", "[]", "\"x\"", "{\"a\":{}}", "{\"a\":[1]}", "{\"a\":1,}", "{,}", "{\"a\" 1}",
        "{\"a\":1}x", "{a:1}", "{'a':1}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":+1}",
        "{\"a\":tru}", "{\"a\":True}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u00g0\"}", "{\"a\":\"\\u00\"}", "{\"a\":\"x",
        "{\"a\":\"tab\there\"}", "{\"a\":1,\"A\":2}", "{\"a\":1e999999999999}", "{\"a\":1}{\"b\":2}"})
    void anythingButOneFlatObjectIsRefused(String text) {
        assertThat(FlatJsonObject.parse(text)).isEmpty();
    }

    @Test
    void tooLongTextIsRefused() {
        String huge = "{\"a\":\"" + "x".repeat(FlatJsonObject.MAX_LENGTH) + "\"}";
        assertThat(FlatJsonObject.parse(huge)).isEmpty();
    }

    @Test
    void randomTextNeverThrows() {
        Random random = new Random(20240611L);
        String alphabet = "{}[]\":,\\ -+.0123456789eEtrufalsn\u00e9a";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "{\"" : "");
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            FlatJsonObject.parse(text.toString());
        }
    }
}
