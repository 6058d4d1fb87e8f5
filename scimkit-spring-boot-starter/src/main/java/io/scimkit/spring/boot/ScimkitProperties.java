package io.scimkit.spring.boot;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.resource.ValidationSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code scimkit.*} properties of the SCIM 2.0 service provider.
 *
 * <pre>{@code
 * scimkit:
 *   base-path: /scim/v2
 *   dialect: lenient
 *   delete-policy: soft
 *   required-user-attributes: [emails, externalId]
 *   tokens:
 *     contoso: ${CONTOSO_SCIM_TOKEN}
 * }</pre>
 *
 * <p>{@link #toString()} names the tenants, never their tokens.
 *
 * <p>The {@code @param} texts below are also the descriptions IDEs show when completing the properties,
 * so they are plain sentences.
 *
 * @param enabled Whether to serve SCIM at all.
 * @param basePath Where SCIM is served, below the servlet context path (RFC 7644 section 1.3 leaves the
 *     prefix to the service provider). Segments of letters, digits and -._~ separated by '/'. A base path
 *     of '/' takes every path, leaving none to Spring MVC.
 * @param publicBaseUri The absolute URI clients reach SCIM at, e.g. https://app.example.com/scim/v2, used
 *     for Location headers and meta.location (RFC 7644 section 3.1) behind a proxy that hides the original
 *     host or scheme. When unset, they follow the URI of each request.
 * @param dialect How much of Microsoft Entra ID's non-RFC traffic is accepted: 'lenient' accepts it,
 *     'strict' holds clients to RFC 7644 as written.
 * @param deletePolicy What DELETE does (RFC 7644 section 3.6): 'hard' removes the resource, 'soft' sets a
 *     User's active attribute to false and keeps it.
 * @param requiredUserAttributes User attributes required beyond userName (RFC 7643 section 7 leaves it to
 *     the service provider), in attribute notation: emails, name.familyName, or an extension attribute
 *     with its schema URN.
 * @param tokens Bearer tokens (RFC 6750) by tenant: a request with a tenant's token reads and writes that
 *     tenant's users and groups only. At least 16 characters each; set them from the environment
 *     (SCIMKIT_TOKENS_CONTOSO for tenant contoso) or a secret store, never in a committed file. A value
 *     may be 'sha256:' and the 64 hexadecimal digits of the token's SHA-256 hash instead of the token, and
 *     may list several comma-separated tokens or hashes, so that a tenant's token can be rotated without
 *     an outage.
 * @param anonymousDiscovery Whether /ServiceProviderConfig, /ResourceTypes and /Schemas answer callers
 *     without a token (RFC 7644 section 4).
 * @param limits The limits the service enforces and advertises in /ServiceProviderConfig.
 */
@ConfigurationProperties(prefix = "scimkit")
public record ScimkitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/scim/v2") String basePath,
        @Nullable URI publicBaseUri,
        @DefaultValue("lenient") Dialect dialect,
        @DefaultValue("hard") DeletePolicy deletePolicy,
        @DefaultValue List<String> requiredUserAttributes,
        @DefaultValue Map<String, String> tokens,
        @DefaultValue("true") boolean anonymousDiscovery,
        @DefaultValue Limits limits) {

    private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9\\-._~]+)*");

    public ScimkitProperties {
        basePath = normalize(Objects.requireNonNull(basePath, "basePath"));
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(deletePolicy, "deletePolicy");
        requiredUserAttributes = List.copyOf(requiredUserAttributes);
        tokens = Map.copyOf(tokens);
        Objects.requireNonNull(limits, "limits");
        if (publicBaseUri != null && !publicBaseUri.isAbsolute()) {
            throw new IllegalArgumentException("scimkit.public-base-uri is an absolute URI, e.g. "
                    + "https://app.example.com/scim/v2");
        }
    }

    /** The client dialects a service can speak. */
    public enum Dialect {
        /** Accepts what Microsoft Entra ID and other real clients send (string booleans, capitalised ops...). */
        LENIENT,
        /** RFC 7644 as written. */
        STRICT;

        /** The core dialect of this name. */
        public ClientDialect clientDialect() {
            return this == STRICT ? ClientDialect.strict() : ClientDialect.lenient();
        }
    }

    /**
     * The service's limits; the defaults are {@link ServiceLimits#defaults()}.
     *
     * @param maxPayloadSize The largest request body; larger ones get 413 (RFC 7644 section 3.12).
     * @param maxFilterLength The longest filter parameter, in characters.
     * @param maxFilterDepth How deeply a filter may nest.
     * @param maxResults The largest page; a larger count is clamped to it (RFC 7644 section 3.4.2.4).
     * @param defaultPageSize The page size when a client gives no count.
     * @param bulkMaxOperations The most operations in one Bulk request (RFC 7644 section 3.7).
     * @param bulkMaxPayloadSize The largest Bulk request body.
     * @param cursorTimeout How long a pagination cursor stays valid (RFC 9865).
     * @param maxConcurrentRequestsPerTenant The most requests of one tenant served at once, 0 for no limit; a
     *     request over it gets 429 with Retry-After (RFC 6585 section 4) before its body is read, so one
     *     tenant's slow or numerous requests cannot hold all of Tomcat's request threads. Not advertised.
     * @param maxMembersPerResponse The most group members a response assembled in memory may hold (a list
     *     of groups with their members); beyond it 400 tooMany (RFC 7644 section 3.12). A single group's
     *     GET is streamed and not limited.
     * @param maxPatchOperations The most operations in one PATCH request (RFC 7644 section 3.5.2); beyond it
     *     400 tooMany before any is applied.
     * @param rateLimitPerTenant The requests per second one tenant may send on average, 0 for no limit; a
     *     request over it gets 429 with Retry-After (RFC 6585 section 4) before its body is read. Each tenant
     *     has its own allowance, so one tenant's burst does not slow the others. Not advertised.
     * @param rateBurst The requests one tenant may send at once after a pause, with a rate limit; 0 for one
     *     second's requests, rounded up.
     */
    public record Limits(
            @DefaultValue("1MB") DataSize maxPayloadSize,
            @DefaultValue("4096") int maxFilterLength,
            @DefaultValue("32") int maxFilterDepth,
            @DefaultValue("1000") int maxResults,
            @DefaultValue("100") int defaultPageSize,
            @DefaultValue("1000") int bulkMaxOperations,
            @DefaultValue("1MB") DataSize bulkMaxPayloadSize,
            @DefaultValue("10m") Duration cursorTimeout,
            @DefaultValue("0") int maxConcurrentRequestsPerTenant,
            @DefaultValue("100000") int maxMembersPerResponse,
            @DefaultValue("1000") int maxPatchOperations,
            @DefaultValue("0") double rateLimitPerTenant,
            @DefaultValue("0") int rateBurst) {

        public Limits {
            if (maxConcurrentRequestsPerTenant < 0) {
                throw new IllegalArgumentException(
                        "scimkit.limits.max-concurrent-requests-per-tenant is 0 (no limit) or more");
            }
            if (!(rateLimitPerTenant >= 0) || Double.isInfinite(rateLimitPerTenant)) {
                throw new IllegalArgumentException(
                        "scimkit.limits.rate-limit-per-tenant is 0 (no limit) or more requests per second");
            }
            if (rateBurst < 0) {
                throw new IllegalArgumentException("scimkit.limits.rate-burst is 0 (one second's requests) or more");
            }
            if (rateLimitPerTenant > 0 && rateBurst == 0) {
                rateBurst = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(rateLimitPerTenant)));
            }
            Objects.requireNonNull(maxPayloadSize, "maxPayloadSize");
            Objects.requireNonNull(bulkMaxPayloadSize, "bulkMaxPayloadSize");
            Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        }

        /** These limits for the core; the same checks as {@link ServiceLimits} (positive, page size within maxResults). */
        public ServiceLimits serviceLimits() {
            return new ServiceLimits(bytes(maxPayloadSize, "max-payload-size"), maxFilterLength, maxFilterDepth,
                    maxResults, defaultPageSize, bulkMaxOperations, bytes(bulkMaxPayloadSize, "bulk-max-payload-size"),
                    cursorTimeout, maxPatchOperations, maxMembersPerResponse);
        }

        private static int bytes(DataSize size, String name) {
            if (size.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("scimkit.limits." + name + " is at most 2GB");
            }
            return (int) size.toBytes();
        }
    }

    /** The validation settings: the RFC's, plus {@link #requiredUserAttributes()}. */
    public ValidationSettings validation() {
        return ValidationSettings.rfc().requireUserAttributes(requiredUserAttributes.toArray(String[]::new));
    }

    /** The servlet URL mapping of {@link #basePath()}: {@code /scim/v2/*}, or {@code /*} for {@code /}. */
    public String servletMapping() {
        return basePath.equals("/") ? "/*" : basePath + "/*";
    }

    /** Names the tenants that have tokens; never a token. */
    @Override
    public String toString() {
        return "ScimkitProperties[enabled=" + enabled + ", basePath=" + basePath + ", publicBaseUri=" + publicBaseUri
                + ", dialect=" + dialect.name().toLowerCase(Locale.ROOT)
                + ", deletePolicy=" + deletePolicy.name().toLowerCase(Locale.ROOT)
                + ", requiredUserAttributes=" + requiredUserAttributes + ", tenants=" + new TreeSet<>(tokens.keySet())
                + ", anonymousDiscovery=" + anonymousDiscovery + ", limits=" + limits + "]";
    }

    /** {@code scim/v2/}, {@code /scim/v2} and {@code  /scim/v2 } all give {@code /scim/v2}; blank gives {@code /}. */
    private static String normalize(String text) {
        String path = text.strip();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        if (!SEGMENTS.matcher(path).matches() || path.contains("/./") || path.endsWith("/.")
                || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("scimkit.base-path is '/' or segments of letters, digits and -._~ "
                    + "separated by '/', e.g. /scim/v2 (was '" + text + "')");
        }
        return path.isEmpty() ? "/" : path;
    }
}
