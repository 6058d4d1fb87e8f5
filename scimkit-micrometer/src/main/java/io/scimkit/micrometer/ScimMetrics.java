package io.scimkit.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.RequestObserver;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.micrometer.internal.MeteredStores;
import io.scimkit.micrometer.internal.OutboxMeters;
import io.scimkit.micrometer.internal.RequestMeters;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The metrics of one SCIM service provider (RFC 7644), recorded in an application's Micrometer
 * {@link MeterRegistry}; the meters and their tags are listed in the {@linkplain io.scimkit.micrometer
 * package documentation}. It is the service's request observer, decorates its stores, and binds the
 * figures of an event outbox:
 *
 * <pre>{@code
 * ScimMetrics metrics = ScimMetrics.of(meterRegistry, schemas);
 * ScimService scim = ScimService.builder()
 *         .baseUri(baseUri)
 *         .schemas(schemas)
 *         .userStore(metrics.userStore(users))
 *         .groupStore(metrics.groupStore(groups))
 *         .requestObserver(metrics)
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe; one instance per service. Requests an adapter answers without calling the service
 * (for instance a 429 from a per-tenant rate limit) are not seen here.
 */
public final class ScimMetrics implements RequestObserver {
    /** The timer of served requests, tagged {@code resource.type}, {@code method}, {@code status}, {@code tenant}. */
    public static final String REQUESTS = "scim.requests";
    /** The counter of client dialect rule firings, tagged {@code tenant} and {@code rule}. */
    public static final String DIALECT_RULES_FIRED = "scim.dialect.rules.fired";
    /** The timer of store calls, tagged {@code resource.type}, {@code operation} and {@code outcome}. */
    public static final String STORE_CALLS = "scim.store.calls";
    /** The gauge of provisioning events not yet delivered by an outbox. */
    public static final String OUTBOX_BACKLOG = "scim.outbox.backlog";
    /** The counter of failed outbox delivery attempts. */
    public static final String OUTBOX_DELIVERY_FAILURES = "scim.outbox.delivery.failures";

    private final MeterRegistry registry;
    private final RequestMeters requests;
    private final MeteredStores stores;

    private ScimMetrics(MeterRegistry registry, SchemaRegistry schemas) {
        this.registry = registry;
        this.requests = new RequestMeters(registry, schemas);
        this.stores = new MeteredStores(registry);
    }

    /** Metrics of a service that serves the core schemas' resource types, User and Group (RFC 7643 §4). */
    public static ScimMetrics of(MeterRegistry registry) {
        return of(registry, SchemaRegistry.core());
    }

    /**
     * Metrics of a service built with these schemas: a request's {@code resource.type} tag is the
     * name of the resource type whose endpoint its path starts with (RFC 7643 §6).
     */
    public static ScimMetrics of(MeterRegistry registry, SchemaRegistry schemas) {
        return new ScimMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(schemas, "schemas"));
    }

    /** Records a request whose duration is unknown (a caller other than the service): timed as zero. */
    @Override
    public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules) {
        served(request, response, firedRules, Duration.ZERO);
    }

    /** Records a request the service served: its timer, and one count per dialect rule that fired. */
    @Override
    public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules, Duration elapsed) {
        requests.record(request, response.status(), firedRules, elapsed);
    }

    /** The user store, timed under {@code scim.store.calls} with {@code resource.type=User}. */
    public UserStore userStore(UserStore store) {
        return stores.users(Objects.requireNonNull(store, "store"));
    }

    /**
     * The group store, timed under {@code scim.store.calls} with {@code resource.type=Group}, its
     * member operations included.
     */
    public GroupStore groupStore(GroupStore store) {
        return stores.groups(Objects.requireNonNull(store, "store"));
    }

    /**
     * The store of any resource type, timed under {@code scim.store.calls} with this
     * {@code resource.type}; a {@link UserStore} or {@link GroupStore} stays one.
     */
    public ResourceStore store(String resourceTypeName, ResourceStore store) {
        return stores.of(Objects.requireNonNull(resourceTypeName, "resourceTypeName"),
                Objects.requireNonNull(store, "store"));
    }

    /**
     * Reports an event outbox: {@code backlog} is read as the gauge {@code scim.outbox.backlog} (events
     * written and not yet delivered), {@code failures} as the counter
     * {@code scim.outbox.delivery.failures} (failed delivery attempts since the outbox started; it only
     * grows). Both are read whenever the registry is scraped, so they must be cheap and thread-safe.
     * Call it once per registry.
     */
    public void bindOutbox(LongSupplier backlog, LongSupplier failures) {
        OutboxMeters.bind(registry, Objects.requireNonNull(backlog, "backlog"),
                Objects.requireNonNull(failures, "failures"));
    }
}
