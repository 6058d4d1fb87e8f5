package io.scimkit.examples;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.examples.events.EventOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the example server is started with, after the command line and environment were read
 * ({@link ServerCommand}). Programmatic callers (tests, benchmarks) build one with
 * {@link #defaults()} and the {@code with*} copies.
 *
 * @param port the TCP port; 0 picks a free one
 * @param bind the address to listen on
 * @param basePath the path the SCIM base URI ends with, e.g. {@code /scim/v2} (RFC 7644 §3.1)
 * @param token the configured bearer secret, or {@code null} to generate one (or use the tenants file)
 * @param store the {@code --store} value, read by {@link StoreFactories}
 * @param dialect how lenient the server is with client quirks
 * @param tenantsFile the optional file of {@code tenant=token} lines
 * @param requiredAttributes attributes required of Users on top of the schema's (RFC 7643 §7)
 * @param deletePolicy what {@code DELETE /Users/{id}} does
 * @param publicUrl the SCIM base URL clients reach the server at (e.g. through a TLS proxy), used for
 *        {@code Location} and {@code meta.location}; {@code null} to use the address each connection
 *        arrived at (never the {@code Host} header)
 * @param http the limits on threads, idle connections, slow bodies and requests per tenant
 * @param auditLog whether each SCIM request writes an audit line ({@link AuditLog}) instead of the
 *        plain access line ({@link AccessLog})
 * @param metricsPort the port of the Prometheus metrics endpoint ({@link MetricsEndpoint}) on {@code bind},
 *        {@link #NO_METRICS} for none; 0 picks a free one
 * @param events where provisioning events go ({@code --events}), and how webhook deliveries are signed
 */
public record ServerOptions(int port, String bind, String basePath, @Nullable ConfiguredToken token, String store,
        DialectChoice dialect, @Nullable Path tenantsFile, Set<AttributePath> requiredAttributes,
        DeletePolicy deletePolicy, @Nullable URI publicUrl, HttpLimits http, boolean auditLog, int metricsPort,
        EventOptions events) {

    /** The {@link #metricsPort()} of a server without a metrics endpoint. */
    public static final int NO_METRICS = -1;

    public ServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        Objects.requireNonNull(bind, "bind");
        basePath = normalizeBasePath(basePath);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(dialect, "dialect");
        requiredAttributes = Set.copyOf(requiredAttributes);
        Objects.requireNonNull(deletePolicy, "deletePolicy");
        publicUrl = publicUrl == null ? null : normalizePublicUrl(publicUrl);
        Objects.requireNonNull(http, "http");
        if (metricsPort < NO_METRICS || metricsPort > 65_535) {
            throw new IllegalArgumentException("--metrics-port " + metricsPort + " is not between 0 and 65535");
        }
        Objects.requireNonNull(events, "events");
    }

    /**
     * The documented defaults: port 8080 on 127.0.0.1, {@code /scim/v2}, H2 files under
     * {@code ./scim-data}, lenient, RFC validation, no public URL, {@link HttpLimits#defaults()}, audit
     * log on, no metrics endpoint, no events.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(8080, "127.0.0.1", "/scim/v2", null, StoreFactories.DEFAULT_STORE, DialectChoice.LENIENT, null, Set.of(),
                DeletePolicy.HARD, null, HttpLimits.defaults(), true, NO_METRICS,
                EventOptions.off());
    }

    /** A copy on this port. */
    public ServerOptions withPort(int newPort) {
        return new ServerOptions(newPort, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, auditLog, metricsPort, events);
    }

    /** A copy with this {@code --store} value. */
    public ServerOptions withStore(String newStore) {
        return new ServerOptions(port, bind, basePath, token, newStore, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, auditLog, metricsPort, events);
    }

    /** A copy with this bearer secret. */
    public ServerOptions withToken(@Nullable ConfiguredToken newToken) {
        return new ServerOptions(port, bind, basePath, newToken, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, auditLog, metricsPort, events);
    }

    /** A copy with this tenants file. */
    public ServerOptions withTenantsFile(@Nullable Path file) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, file, requiredAttributes, deletePolicy,
                publicUrl, http, auditLog, metricsPort, events);
    }

    /** A copy with these required attributes. */
    public ServerOptions withRequiredAttributes(Set<AttributePath> paths) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, tenantsFile, paths, deletePolicy,
                publicUrl, http, auditLog, metricsPort, events);
    }

    /** A copy with this public URL ({@code null} for none). */
    public ServerOptions withPublicUrl(@Nullable URI url) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, url, http, auditLog, metricsPort, events);
    }

    /** A copy with these HTTP limits. */
    public ServerOptions withHttp(HttpLimits limits) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, limits, auditLog, metricsPort, events);
    }

    /** A copy with the audit log on or off. */
    public ServerOptions withAuditLog(boolean on) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, on, metricsPort, events);
    }

    /** A copy serving metrics on this port ({@link #NO_METRICS} for none, 0 for a free one). */
    public ServerOptions withMetricsPort(int port) {
        return new ServerOptions(this.port, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, auditLog, port, events);
    }

    /** A copy delivering provisioning events so. */
    public ServerOptions withEvents(EventOptions value) {
        return new ServerOptions(port, bind, basePath, token, store, dialect, tenantsFile, requiredAttributes,
                deletePolicy, publicUrl, http, auditLog, metricsPort, value);
    }

    /** The validation settings these options give the service. */
    public ValidationSettings validation() {
        return ValidationSettings.rfc().withRequiredAttributes(requiredAttributes);
    }

    /**
     * An absolute {@code http} or {@code https} URL without query, fragment or user info, without a
     * trailing slash: {@code https://scim.example.com/scim/v2/} means {@code https://scim.example.com/scim/v2}.
     */
    static URI normalizePublicUrl(URI url) {
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("--public-url '" + url + "' is not an absolute http(s) URL like "
                    + "https://scim.example.com/scim/v2");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--public-url '" + url + "' has a query, fragment or user info");
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** {@code scim/v2/}, {@code /scim/v2} and {@code /scim/v2/} all mean {@code /scim/v2}; the root is {@code ""}. */
    static String normalizeBasePath(String path) {
        Objects.requireNonNull(path, "basePath");
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        String normalized = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        if (normalized.contains("?") || normalized.contains("#") || normalized.contains("//")) {
            throw new IllegalArgumentException("base path '" + path + "' is not a plain path like /scim/v2");
        }
        return normalized;
    }
}
