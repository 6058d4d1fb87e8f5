package io.scimkit.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.micrometer.ScimMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request timer and the dialect-rule counter, and how a request becomes their tags: only
 * values from bounded sets, never anything of the path but the endpoint it names.
 */
public final class RequestMeters {
    /** The {@code tenant} tag of a request without an authenticated principal (anonymous discovery). */
    static final String NO_TENANT = "none";
    /** The tag of a method or endpoint outside the known set. */
    static final String OTHER = "other";

    /** The HTTP methods of RFC 7644 §3.2; any other becomes {@code other}. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The endpoints that are no resource type (RFC 7644 §3.2, §3.4.3, §3.7, §3.11, §4). */
    private static final List<String> ENDPOINTS = List.of("Bulk", "Me", ".search", "ServiceProviderConfig",
            "Schemas", "ResourceTypes");

    private final SchemaRegistry schemas;
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Counter> rules;

    public RequestMeters(MeterRegistry registry, SchemaRegistry schemas) {
        this.schemas = schemas;
        this.requests = Timer.builder(ScimMetrics.REQUESTS)
                .description("SCIM requests served, by resource type, method, status and tenant")
                .withRegistry(registry);
        this.rules = Counter.builder(ScimMetrics.DIALECT_RULES_FIRED)
                .description("Requests a client dialect rule rewrote, by tenant and rule")
                .withRegistry(registry);
    }

    /** Records one served request and the rules that fired for it. */
    public void record(ScimRequest request, int status, Set<DialectRule> firedRules, Duration elapsed) {
        String tenant = tenant(request.principal());
        requests.withTags("resource.type", resourceType(request.path()), "method", method(request.method()),
                "status", Integer.toString(status), "tenant", tenant).record(elapsed);
        for (DialectRule rule : firedRules) {
            rules.withTags("tenant", tenant, "rule", rule.id()).increment();
        }
    }

    static String tenant(@Nullable ScimPrincipal principal) {
        return principal == null ? NO_TENANT : principal.tenant();
    }

    static String method(String method) {
        return METHODS.contains(method) ? method : OTHER;
    }

    /**
     * The resource type whose endpoint the path's first segment is ({@code /Users/2819c223} gives
     * {@code User}), the name of another SCIM endpoint ({@code Bulk}, {@code .search}, ...), or
     * {@code other}.
     */
    String resourceType(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        String segment = path.substring(start, end < 0 ? path.length() : end);
        if (segment.isEmpty()) {
            return OTHER;
        }
        for (ResourceType type : schemas.resourceTypes()) {
            if (type.endpoint().equalsIgnoreCase("/" + segment)) {
                return type.name();
            }
        }
        for (String endpoint : ENDPOINTS) {
            if (endpoint.equalsIgnoreCase(segment)) {
                return endpoint;
            }
        }
        return OTHER;
    }

}
