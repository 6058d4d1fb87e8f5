package io.scimkit.core.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a service enforces and advertises in {@code /ServiceProviderConfig} (RFC 7643 §5):
 * request body size (413 beyond it), filter length and nesting, the largest page
 * ({@code filter.maxResults}, also RFC 9865 {@code maxPageSize}; larger {@code count}s are clamped,
 * as RFC 7644 §3.4.2.4 allows), the page size when the client gives none, Bulk's {@code maxOperations} and
 * {@code maxPayloadSize}, how long a cursor stays valid, and {@code maxMembersPerResponse}: the most
 * group {@code members} (RFC 7643 §4.2) that a response the service has to assemble in memory may
 * hold (a ListResponse of groups with their members, RFC 7644 §3.4.2, or a PATCH that has to
 * rewrite a whole member list); beyond it the request gets 400 {@code tooMany} (RFC 7644 §3.12)
 * telling the client to ask with {@code excludedAttributes=members}. A single group read with
 * {@code GET /Groups/{id}} and a PATCH response are streamed from the store and have no such limit.
 */
public record ServiceLimits(int maxPayloadSize, int maxFilterLength, int maxFilterDepth, int maxResults,
        int defaultPageSize, int bulkMaxOperations, int bulkMaxPayloadSize, Duration cursorTimeout,
        int maxMembersPerResponse) {

    /**
     * The default {@link #maxMembersPerResponse}: 100,000 members take some tens of MB while a
     * response is assembled, which a 512 MB heap bears a few times over, and every list response of
     * ordinary groups stays far below it.
     */
    public static final int DEFAULT_MAX_MEMBERS_PER_RESPONSE = 100_000;

    public ServiceLimits {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (maxPayloadSize < 1 || maxFilterLength < 1 || maxFilterDepth < 1 || maxResults < 1
                || defaultPageSize < 1 || bulkMaxOperations < 0 || bulkMaxPayloadSize < 1
                || cursorTimeout.isNegative() || cursorTimeout.isZero() || maxMembersPerResponse < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (defaultPageSize > maxResults) {
            throw new IllegalArgumentException("the default page size cannot exceed maxResults");
        }
    }

    /** These limits with the default {@link #maxMembersPerResponse}. */
    public ServiceLimits(int maxPayloadSize, int maxFilterLength, int maxFilterDepth, int maxResults,
            int defaultPageSize, int bulkMaxOperations, int bulkMaxPayloadSize, Duration cursorTimeout) {
        this(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize, bulkMaxOperations,
                bulkMaxPayloadSize, cursorTimeout, DEFAULT_MAX_MEMBERS_PER_RESPONSE);
    }

    /**
     * The defaults: 1 MiB bodies, 4096-character filters nested at most 32 deep, pages of at most
     * 1000 (100 by default), Bulk with 1000 operations and 1 MiB, cursors valid for 10 minutes,
     * at most 100,000 members in a response assembled in memory.
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(1 << 20, 4096, 32, 1000, 100, 1000, 1 << 20, Duration.ofMinutes(10),
                DEFAULT_MAX_MEMBERS_PER_RESPONSE);
    }

    /** A copy with another maximum body size. */
    public ServiceLimits withMaxPayloadSize(int value) {
        return new ServiceLimits(value, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout, maxMembersPerResponse);
    }

    /** A copy with another maximum page size. */
    public ServiceLimits withMaxResults(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, value,
                Math.min(defaultPageSize, value), bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout,
                maxMembersPerResponse);
    }

    /** A copy with other Bulk limits. */
    public ServiceLimits withBulk(int maxOperations, int maxBulkPayloadSize) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                maxOperations, maxBulkPayloadSize, cursorTimeout, maxMembersPerResponse);
    }

    /** A copy with another {@link #maxMembersPerResponse}. */
    public ServiceLimits withMaxMembersPerResponse(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout, value);
    }
}
