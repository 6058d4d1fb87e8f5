package io.scimkit.core;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.protocol.Dispatcher;
import io.scimkit.core.protocol.MeResolver;
import io.scimkit.core.protocol.PatchResponse;
import io.scimkit.core.protocol.RequestObserver;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point of scimkit: a SCIM 2.0 service provider (RFC 7643, RFC 7644, RFC 9865)
 * over the stores you give it. Assemble it once with {@link #builder()}; it is immutable and
 * thread-safe afterwards, and {@link #handle(ScimRequest)} is all an adapter calls.
 *
 * <pre>{@code
 * ScimService scim = ScimService.builder()
 *         .baseUri(URI.create("https://scim.example.com/scim/v2"))
 *         .userStore(users)
 *         .groupStore(groups)
 *         .build();
 * ScimResponse response = scim.handle(request);
 * }</pre>
 */
public final class ScimService {
    private static final Logger LOG = LoggerFactory.getLogger(ScimService.class);
    private final URI baseUri;
    private final SchemaRegistry schemas;
    private final ClientDialect dialect;
    private final ServiceLimits limits;
    private final Dispatcher dispatcher;
    private final @Nullable RequestObserver observer;

    private ScimService(Builder builder, URI baseUri) {
        this.dispatcher = Dispatcher.of(baseUri, builder.registry, builder.stores, builder.dialect,
                builder.validation, builder.deletePolicy, builder.patchResponses, builder.limits,
                builder.meResolver, builder.anonymousDiscovery, builder.clock, builder.listeners);
        this.baseUri = baseUri;
        this.schemas = builder.registry;
        this.dialect = builder.dialect;
        this.limits = builder.limits;
        this.observer = builder.observer;
    }

    /** A builder with the defaults: core schemas, lenient dialect, RFC validation, hard delete. */
    public static Builder builder() {
        return new Builder();
    }

    /** Serves one request. Never throws for client errors: they become RFC 7644 §3.12 error responses. */
    public ScimResponse handle(ScimRequest request) {
        if (observer == null) {
            return dispatcher.dispatch(request);
        }
        EnumSet<DialectRule> fired = EnumSet.noneOf(DialectRule.class);
        long started = System.nanoTime();
        ScimResponse response = dispatcher.dispatch(request, dialect.reportingTo(fired::add));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        try {
            observer.served(request, response, Collections.unmodifiableSet(fired), elapsed);
        } catch (RuntimeException failed) {
            // The path is client input: left out of the log line, as the request's body and headers are.
            LOG.warn("the request observer failed on a {} request; the response is sent as it is",
                    request.method(), failed);
        }
        return response;
    }

    /**
     * The answer for a request that an adapter (such as scim-jaxrs) failed to serve outside
     * {@link #handle}: a 500 error (RFC 7644 §3.12) whose detail carries a new error id and nothing
     * of the cause, with the id, the method, the path and the stack trace logged, exactly as for a
     * failure inside the service.
     */
    public ScimResponse failure(String method, String path, RuntimeException cause) {
        return dispatcher.failed(method, path, cause);
    }

    /**
     * The base URI the service was built with: {@code Location} and {@code meta.location} are
     * relative to it unless a request brings its own (RFC 7644 §3.1, §3.3).
     */
    public URI baseUri() {
        return baseUri;
    }

    /** The schemas and resource types the service serves (RFC 7643 §2, §6). */
    public SchemaRegistry schemas() {
        return schemas;
    }

    /**
     * The client dialect the service normalises requests with; its {@link ClientDialect#stats()}
     * count how often each rule rewrote a request.
     */
    public ClientDialect dialect() {
        return dialect;
    }

    /** The limits the service enforces and advertises in {@code /ServiceProviderConfig} (RFC 7643 §5). */
    public ServiceLimits limits() {
        return limits;
    }

    /** Collects the configuration; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private @Nullable URI baseUri;
        private SchemaRegistry registry = SchemaRegistry.core();
        private final Map<String, ResourceStore> stores = new LinkedHashMap<>();
        private ClientDialect dialect = ClientDialect.lenient();
        private ValidationSettings validation = ValidationSettings.rfc();
        private DeletePolicy deletePolicy = DeletePolicy.HARD;
        private final Map<String, PatchResponse> patchResponses = new LinkedHashMap<>();
        private ServiceLimits limits = ServiceLimits.defaults();
        private @Nullable MeResolver meResolver;
        private boolean anonymousDiscovery = true;
        private Clock clock = Clock.systemUTC();
        private final List<ProvisioningListener> listeners = new ArrayList<>();
        private @Nullable RequestObserver observer;

        private Builder() {
        }

        /**
         * Told of every request served, with the dialect rules that fired for it: for an audit log or
         * metrics (default: none).
         */
        public Builder requestObserver(RequestObserver value) {
            this.observer = Objects.requireNonNull(value, "requestObserver");
            return this;
        }

        /** The absolute base URI the service is mounted at, e.g. {@code https://acme.example.com/scim/v2}. */
        public Builder baseUri(URI value) {
            this.baseUri = Objects.requireNonNull(value, "baseUri");
            return this;
        }

        /** The schemas and resource types served (default: {@link SchemaRegistry#core()}). */
        public Builder schemas(SchemaRegistry value) {
            this.registry = Objects.requireNonNull(value, "schemas");
            return this;
        }

        /** The store of the {@code User} resource type. */
        public Builder userStore(UserStore value) {
            return store("User", value);
        }

        /** The store of the {@code Group} resource type. */
        public Builder groupStore(GroupStore value) {
            return store("Group", value);
        }

        /** The store of any registered resource type, by name. */
        public Builder store(String resourceTypeName, ResourceStore value) {
            stores.put(Objects.requireNonNull(resourceTypeName, "resourceTypeName"), Objects.requireNonNull(value, "store"));
            return this;
        }

        /** The client dialect (default: {@link ClientDialect#lenient()}). */
        public Builder dialect(ClientDialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * Validation settings, e.g. {@link ValidationSettings#requireUserAttributes} for an application
         * that needs more than {@code userName} on every User (default: {@link ValidationSettings#rfc()}).
         */
        public Builder validation(ValidationSettings value) {
            this.validation = Objects.requireNonNull(value, "validation");
            return this;
        }

        /** What DELETE does (default: {@link DeletePolicy#HARD}). */
        public Builder deletePolicy(DeletePolicy value) {
            this.deletePolicy = Objects.requireNonNull(value, "deletePolicy");
            return this;
        }

        /** How PATCH answers for a resource type (default: 204 for Group, 200 otherwise). */
        public Builder patchResponse(String resourceTypeName, PatchResponse value) {
            patchResponses.put(Objects.requireNonNull(resourceTypeName), Objects.requireNonNull(value));
            return this;
        }

        /** The limits (default: {@link ServiceLimits#defaults()}). */
        public Builder limits(ServiceLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Resolves {@code /Me}; without one, {@code /Me} answers 501. */
        public Builder meResolver(MeResolver value) {
            this.meResolver = Objects.requireNonNull(value, "meResolver");
            return this;
        }

        /**
         * Whether the discovery endpoints ({@code /ServiceProviderConfig}, {@code /Schemas},
         * {@code /ResourceTypes}, RFC 7644 §4) answer callers without credentials (default: true:
         * RFC 7643 §5 asks that the authentication schemes be readable without authentication, and
         * some identity providers read these endpoints before they have a token).
         */
        public Builder anonymousDiscovery(boolean value) {
            this.anonymousDiscovery = value;
            return this;
        }

        /** The clock that stamps {@code meta.created}/{@code lastModified} (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Adds a listener told of every change a client commits (users and groups created, updated,
         * deactivated, reactivated, deleted; members added and removed), after the store committed
         * it. Repeatable: listeners are called in the order they were added. A listener that throws
         * is logged and never fails the request.
         */
        public Builder listener(ProvisioningListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the service.
         *
         * @throws IllegalStateException if no base URI was given
         * @throws IllegalArgumentException if a resource type has no store, or the configuration is inconsistent
         */
        public ScimService build() {
            if (baseUri == null) {
                throw new IllegalStateException("baseUri is required");
            }
            return new ScimService(this, baseUri);
        }
    }
}
