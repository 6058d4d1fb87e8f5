package io.scimkit.micrometer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimkit.micrometer.ScimMetrics;
import java.util.function.LongSupplier;

/**
 * The gauge and counter of an event outbox, read from the outbox's own figures at each scrape.
 *
 * @param backlog events written and not yet delivered
 * @param failures failed delivery attempts so far
 */
public record OutboxMeters(LongSupplier backlog, LongSupplier failures) {

    /** Registers {@code scim.outbox.backlog} and {@code scim.outbox.delivery.failures}. */
    public static void bind(MeterRegistry registry, LongSupplier backlog, LongSupplier failures) {
        OutboxMeters outbox = new OutboxMeters(backlog, failures);
        // Micrometer holds a meter's state object weakly, and the application usually passes lambdas that
        // nothing else holds: the gauge holds the record strongly, and so keeps the counter's state alive too.
        Gauge.builder(ScimMetrics.OUTBOX_BACKLOG, outbox, meters -> meters.backlog().getAsLong())
                .description("Provisioning events written and not yet delivered")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(ScimMetrics.OUTBOX_DELIVERY_FAILURES, outbox, meters -> meters.failures().getAsLong())
                .description("Failed delivery attempts of provisioning events")
                .register(registry);
    }
}
