package io.scimkit.examples.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String SECRET = "whsec-0123456789abcdef";
    private static final byte[] BODY = ("{\"type\":\"user.deactivated\",\"tenant\":\"contoso\",\"resourceType\":\"User\","
            + "\"resourceId\":\"2819c223\"}").getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochSecond(1_765_102_530L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void matchesAVectorComputedWithOpenssl() {
        // printf '%s' '1765102530.<BODY>' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
        assertThat(signature.header(AT, BODY))
                .isEqualTo("t=1765102530,v1=b60fc92c56825251dbf8e5583811178ceded72018f4265672f027ceb39da1675");
        // An empty body signs the timestamp and the full stop alone.
        assertThat(signature.header(AT, new byte[0]))
                .isEqualTo("t=1765102530,v1=c93970528246dc24ba32db4cd58f746bd7c207786b5c01777bf9b0cecd41ae55");
    }

    @Test
    void matchesHmacSha256OverTimestampDotBodyComputedWithJavaxCrypto() throws Exception {
        byte[] body = "{\"displayName\":\"Ünïcödé ✓\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-12-07T03:00:00.999Z");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(signature.header(at, body)).isEqualTo("t=" + at.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void verifyAcceptsItsOwnSignatureWithinTheTolerance() {
        String header = signature.header(AT, BODY);
        assertThat(signature.verify(header, BODY, AT, FIVE_MINUTES)).isTrue();
        assertThat(signature.verify(header, BODY, AT.plus(FIVE_MINUTES), FIVE_MINUTES)).isTrue();
        assertThat(signature.verify(header, BODY, AT.minus(FIVE_MINUTES), FIVE_MINUTES)).isTrue();
    }

    @Test
    void verifyRefusesAChangedBodyAnOldOrFutureTimestampAndAnotherSecret() {
        String header = signature.header(AT, BODY);
        byte[] changed = BODY.clone();
        changed[changed.length - 3] ^= 1;
        assertThat(signature.verify(header, changed, AT, FIVE_MINUTES)).isFalse();
        assertThat(signature.verify(header, BODY, AT.plus(FIVE_MINUTES).plusSeconds(1), FIVE_MINUTES)).isFalse();
        assertThat(signature.verify(header, BODY, AT.minus(FIVE_MINUTES).minusSeconds(1), FIVE_MINUTES)).isFalse();
        assertThat(new WebhookSignature("another-secret-of-16+").verify(header, BODY, AT, FIVE_MINUTES)).isFalse();
        // The timestamp is signed: moving it forward breaks the signature.
        String moved = header.replace("t=1765102530", "t=1765102531");
        assertThat(signature.verify(moved, BODY, AT, FIVE_MINUTES)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t=1765102530", "v1=00", "t=abc,v1=00", "t=1765102530,v1=zz", "garbage"})
    void verifyRefusesMalformedHeaders(String header) {
        assertThat(signature.verify(header, BODY, AT, FIVE_MINUTES)).isFalse();
    }

    @Test
    void aShortSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new WebhookSignature("short-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short-secret");
    }

    @Test
    void theSecretNeverAppearsInItsText() {
        assertThat(signature.toString()).doesNotContain(SECRET);
    }
}
