package io.scimkit.examples.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTargetTest {
    @Test
    void offLogAndUrlsAreRead() {
        assertThat(EventTarget.parse("off")).isEqualTo(new EventTarget.Off());
        assertThat(EventTarget.parse("")).isEqualTo(new EventTarget.Off());
        assertThat(EventTarget.parse("LOG")).isEqualTo(new EventTarget.Log());
        assertThat(EventTarget.parse(" https://hooks.example/scim?key=k1 ")).isEqualTo(
                new EventTarget.Webhook(URI.create("https://hooks.example/scim?key=k1")));
        assertThat(EventTarget.parse("http://127.0.0.1:9000/events"))
                .isEqualTo(new EventTarget.Webhook(URI.create("http://127.0.0.1:9000/events")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "ftp://hooks.example/x", "/relative/path", "hooks.example", "mailto:a@b.example",
        "https://user:pw@hooks.example/x", "https://hooks.example/x#frag", "http://[bad"})
    void anythingElseIsRefused(String value) {
        assertThatThrownBy(() -> EventTarget.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--events").hasMessageNotContaining("pw@");
    }

    @Test
    void descriptionsNeverShowTheQueryOrTheSecret() {
        EventOptions options = new EventOptions(EventTarget.parse("https://hooks.example:8443/scim?key=k1"),
                new WebhookSignature("do-not-print-0123456789"), Duration.ofSeconds(3));
        assertThat(options.describe()).isEqualTo(
                "POSTed to https://hooks.example:8443/scim?... (signed, X-Scimkit-Signature, timeout 3 s)");
        assertThat(options.toString()).doesNotContain("do-not-print", "k1");
        assertThat(EventOptions.off().describe()).isEqualTo("off");
        assertThat(EventOptions.off().enabled()).isFalse();
        assertThat(EventOptions.off().listener(java.time.Clock.systemUTC())).isNull();
    }

    @Test
    void aSecretNeedsAWebhook() {
        WebhookSignature signature = new WebhookSignature("do-not-print-0123456789");
        assertThatThrownBy(() -> new EventOptions(new EventTarget.Log(), signature, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events-secret")
                .hasMessageNotContaining("do-not-print");
        assertThatThrownBy(() -> new EventOptions(new EventTarget.Log(), null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events-timeout");
    }
}
