package io.scimkit.examples.events;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningListener;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * {@code --events log}: writes each event as one line of JSON ({@link EventCodec}) on the logger
 * {@value #LOGGER}, e.g.
 * {@code {"type":"user.deactivated","tenant":"default","resourceType":"User","resourceId":"2819c223",...}}.
 */
public final class LogListener implements ProvisioningListener {
    /** The SLF4J logger the events go to, at INFO. */
    public static final String LOGGER = "io.scimkit.events";

    private final Consumer<String> sink;

    /** Logs on {@value #LOGGER}. */
    public LogListener() {
        this(LoggerFactory.getLogger(LOGGER)::info);
    }

    /** Hands each line to {@code sink} (for tests). */
    public LogListener(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onEvent(ProvisioningEvent event) {
        sink.accept(EventCodec.writeString(event));
    }
}
