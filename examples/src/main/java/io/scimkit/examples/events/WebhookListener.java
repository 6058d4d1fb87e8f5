package io.scimkit.examples.events;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * {@code --events https://...}: POSTs each event to a webhook as {@code application/json} (the
 * {@link EventCodec} object), with the headers {@value #EVENT_ID}, {@value #EVENT_TYPE} and, with a
 * secret, {@value WebhookSignature#HEADER} ({@link WebhookSignature}). The event id is derived from
 * the event itself (the first 128 bits of the SHA-256 of the body, in hex), so every redelivery of
 * one event carries the same id and a receiver can drop duplicates; two different events differ in
 * their body (type, resource, time, version or details), and so in their id.
 *
 * <p>Only a 2xx answer (RFC 9110 §15.3) within the timeout is a delivery; anything else (another
 * status, a redirect, a refused connection, a timeout) makes {@link #onEvent} throw
 * {@link DeliveryFailedException}, so that a durable outbox retries the event later. Called directly by
 * the service (the in-memory store), the failure is logged and the SCIM request still succeeds.
 * Thread-safe.
 */
public final class WebhookListener implements ProvisioningListener {
    /** The header naming the event, for de-duplication by the receiver. */
    public static final String EVENT_ID = "X-Scimkit-Event-Id";
    /** The header repeating the event's type, e.g. {@code user.deactivated}. */
    public static final String EVENT_TYPE = "X-Scimkit-Event-Type";

    private final URI url;
    private final @Nullable WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    /**
     * @param url where events are POSTed
     * @param signature signs each delivery, or {@code null} to send them unsigned
     * @param timeout how long connecting, and then the whole answer, may take
     * @param clock the time each signature is made at
     */
    public WebhookListener(URI url, @Nullable WebhookSignature signature, Duration timeout, Clock clock) {
        this.url = new EventTarget.Webhook(url).url();
        this.signature = signature;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs the event, signed at the current time.
     *
     * @throws DeliveryFailedException unless the webhook answered 2xx within the timeout
     */
    @Override
    public void onEvent(ProvisioningEvent event) {
        byte[] body = EventCodec.write(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "scimkit-example-server")
                .header(EVENT_ID, eventId(body))
                .header(EVENT_TYPE, event.type())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature.header(clock.instant(), body));
        }
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException timedOut) {
            throw failure(event, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException unreachable) {
            throw failure(event, "the connection failed (" + unreachable.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure(event, "interrupted");
        }
        if (status / 100 != 2) {
            throw failure(event, "HTTP " + status);
        }
    }

    /** The id of the event with this body: 32 hex digits, the first half of its SHA-256. */
    static String eventId(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", unavailable);
        }
    }

    private DeliveryFailedException failure(ProvisioningEvent event, String reason) {
        return new DeliveryFailedException("webhook delivery of " + event.type() + " to "
                + EventTarget.redacted(url) + " failed: " + reason);
    }

    @Override
    public String toString() {
        return "WebhookListener[" + EventTarget.redacted(url) + (signature == null ? ", unsigned]" : ", signed]");
    }

    /** A delivery the webhook did not acknowledge with a 2xx in time; the event should be sent again. */
    public static final class DeliveryFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailedException(String message) {
            super(message);
        }
    }
}
