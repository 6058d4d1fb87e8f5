package io.scimkit.core.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a service enforces and advertises in {@code /ServiceProviderConfig} (RFC 7643 §5):
 * request body size (413 beyond it), filter length and nesting, the largest page
 * ({@code filter.maxResults}, also RFC 9865 {@code maxPageSize}; larger {@code count}s are clamped,
 * as RFC 7644 §3.4.2.4 allows), the page size when the client gives none, Bulk's {@code maxOperations} and
 * {@code maxPayloadSize}, and how long a cursor stays valid.
 */
public record ServiceLimits(int maxPayloadSize, int maxFilterLength, int maxFilterDepth, int maxResults,
        int defaultPageSize, int bulkMaxOperations, int bulkMaxPayloadSize, Duration cursorTimeout) {

    public ServiceLimits {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (maxPayloadSize < 1 || maxFilterLength < 1 || maxFilterDepth < 1 || maxResults < 1
                || defaultPageSize < 1 || bulkMaxOperations < 0 || bulkMaxPayloadSize < 1
                || cursorTimeout.isNegative() || cursorTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (defaultPageSize > maxResults) {
            throw new IllegalArgumentException("the default page size cannot exceed maxResults");
        }
    }

    /**
     * The defaults: 1 MiB bodies, 4096-character filters nested at most 32 deep, pages of at most
     * 1000 (100 by default), Bulk with 1000 operations and 1 MiB, cursors valid for 10 minutes.
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(1 << 20, 4096, 32, 1000, 100, 1000, 1 << 20, Duration.ofMinutes(10));
    }

    /** A copy with another maximum body size. */
    public ServiceLimits withMaxPayloadSize(int value) {
        return new ServiceLimits(value, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout);
    }

    /** A copy with another maximum page size. */
    public ServiceLimits withMaxResults(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, value,
                Math.min(defaultPageSize, value), bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout);
    }

    /** A copy with other Bulk limits. */
    public ServiceLimits withBulk(int maxOperations, int maxBulkPayloadSize) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                maxOperations, maxBulkPayloadSize, cursorTimeout);
    }
}
