package io.scimkit.examples.events;

import io.scimkit.core.event.ProvisioningListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the example server delivers provisioning events ({@code --events}, {@code --events-secret},
 * {@code --events-timeout}). Its {@link #toString()} never shows the secret.
 *
 * @param target where events go
 * @param signature signs webhook deliveries, or {@code null}; only with a {@link EventTarget.Webhook}
 * @param timeout how long a webhook may take to accept a connection, and then to answer
 */
public record EventOptions(EventTarget target, @Nullable WebhookSignature signature, Duration timeout) {
    /** The webhook timeout when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public EventOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--events-timeout is at least one second");
        }
        if (signature != null && !(target instanceof EventTarget.Webhook)) {
            throw new IllegalArgumentException("--events-secret signs webhook deliveries: set --events to an "
                    + "http(s) URL, or remove the secret");
        }
    }

    /** No events (the default). */
    public static EventOptions off() {
        return new EventOptions(new EventTarget.Off(), null, DEFAULT_TIMEOUT);
    }

    /** Whether events are delivered anywhere. */
    public boolean enabled() {
        return !(target instanceof EventTarget.Off);
    }

    /**
     * The listener that delivers events to the target, or {@code null} when events are off.
     *
     * @param clock the time webhook signatures are made at
     */
    public @Nullable ProvisioningListener listener(Clock clock) {
        if (target instanceof EventTarget.Log) {
            return new LogListener();
        }
        if (target instanceof EventTarget.Webhook webhook) {
            return new WebhookListener(webhook.url(), signature, timeout, clock);
        }
        return null;
    }

    /** For the start-up message, e.g. {@code POSTed to https://hooks.example/scim (signed, timeout 10 s)}. */
    public String describe() {
        if (!(target instanceof EventTarget.Webhook)) {
            return target.describe();
        }
        return target.describe() + " (" + (signature == null ? "unsigned" : "signed, " + WebhookSignature.HEADER)
                + ", timeout " + timeout.toSeconds() + " s)";
    }

    @Override
    public String toString() {
        return "EventOptions[" + describe() + "]";
    }
}
