package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.examples.events.WebhookListener;
import io.scimkit.examples.events.WebhookListener.DeliveryFailedException;
import io.scimkit.examples.events.WebhookSignature;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link WebhookListener} against a real HTTP receiver: what it sends, and what counts as a delivery. */
class WebhookListenerIT {
    private static final String SECRET = "webhook-secret-" + Long.toHexString(System.nanoTime());
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final ProvisioningEvent DEACTIVATED = new ProvisioningEvent.UserDeactivated(new EventContext(
            "contoso", "entra", "req-7", NOW, "User", "2819c223", "W/\"2\""));

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookListener listener(URI url, boolean signed, Duration timeout) {
        return new WebhookListener(url, signed ? new WebhookSignature(SECRET) : null, timeout,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void postsTheCodecJsonWithIdTypeAndAnIndependentlyVerifiableSignature() throws Exception {
        listener(receiver.url(), true, Duration.ofSeconds(10)).onEvent(DEACTIVATED);

        WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(receiver.deliveries()).hasSize(1);
        assertThat(delivery.path()).isEqualTo("/hooks/scim");
        assertThat(delivery.contentType()).isEqualTo("application/json");
        assertThat(delivery.eventId()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(delivery.body()), 0, 16));
        assertThat(delivery.eventType()).isEqualTo("user.deactivated");
        assertThat(delivery.text()).isEqualTo(EventCodec.writeString(DEACTIVATED));
        assertThat(delivery.signature()).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(WebhookReceiver.signedWith(SECRET, delivery)).isTrue();
        assertThat(WebhookReceiver.signedWith(SECRET + "x", delivery)).isFalse();
    }

    @Test
    void withoutASecretDeliveriesAreUnsignedAndARedeliveryKeepsTheEventsId() {
        WebhookListener unsigned = listener(receiver.url(), false, Duration.ofSeconds(10));
        unsigned.onEvent(DEACTIVATED);
        unsigned.onEvent(EventCodec.read(EventCodec.writeString(DEACTIVATED)));
        unsigned.onEvent(new ProvisioningEvent.UserReactivated(DEACTIVATED.context()));
        unsigned.onEvent(new ProvisioningEvent.UserDeactivated(DEACTIVATED.context().forResource("User", "other",
                "W/\"2\"")));

        List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
        assertThat(deliveries).hasSize(4).allSatisfy(delivery -> assertThat(delivery.signature()).isNull());
        assertThat(deliveries.get(1).eventId()).as("the same event delivered again").isEqualTo(
                deliveries.get(0).eventId());
        assertThat(List.of(deliveries.get(0).eventId(), deliveries.get(2).eventId(), deliveries.get(3).eventId()))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 404, 302, 429})
    void anythingButA2xxIsAFailedDelivery(int status) {
        receiver.answer(status);
        WebhookListener listener = listener(URI.create(receiver.url() + "?key=query-key-not-logged"), true,
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> listener.onEvent(DEACTIVATED)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("user.deactivated").hasMessageNotContaining("query-key-not-logged")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aWebhookThatAnswersTooLateIsAFailedDelivery() {
        receiver.delay(3_000);
        WebhookListener listener = listener(receiver.url(), true, Duration.ofSeconds(1));

        assertThatThrownBy(() -> listener.onEvent(DEACTIVATED)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("no answer within 1000 ms");
    }

    @Test
    void anUnreachableWebhookIsAFailedDelivery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookListener listener = listener(URI.create("http://127.0.0.1:" + closedPort + "/x"), true,
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> listener.onEvent(DEACTIVATED)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("connection failed");
    }
}
