package io.scimkit.core.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a service enforces and advertises in {@code /ServiceProviderConfig} (RFC 7643 §5):
 * request body size (413 beyond it), filter length and nesting, the largest page
 * ({@code filter.maxResults}, also RFC 9865 {@code maxPageSize}; larger {@code count}s are clamped,
 * as RFC 7644 §3.4.2.4 allows), the page size when the client gives none, Bulk's {@code maxOperations} and
 * {@code maxPayloadSize}, how long a cursor stays valid, the most operations one PATCH request
 * may carry (400 {@code tooMany} beyond it, also for a PATCH inside a Bulk request), and
 * {@code maxMembersPerResponse}: the most group {@code members} (RFC 7643 §4.2) that a response the
 * service has to assemble in memory may hold (a ListResponse of groups with their members, RFC 7644
 * §3.4.2, or a PATCH that has to rewrite a whole member list); beyond it the request gets 400
 * {@code tooMany} (RFC 7644 §3.12) telling the client to ask with {@code excludedAttributes=members}.
 * A single group read with {@code GET /Groups/{id}} and a PATCH response are streamed from the store
 * and have no such limit.
 *
 * <p>{@code maxPatchOperations} and {@code maxMembersPerResponse} have no field in the
 * ServiceProviderConfig of RFC 7643 §5, so they are not advertised there; the README's limits
 * section documents them. RFC 7644 §3.5.2 sets no bound on PATCH operations; a service needs one
 * because every operation of a request is applied before anything is written, and the request is
 * bounded otherwise only by its size in bytes.
 *
 * <p>Besides these, fixed rules on strings hold for every request and every store: no string
 * (value, member name, filter literal, id) may contain U+0000 or an unpaired surrogate (400
 * {@code invalidValue} in a body, {@code invalidFilter} in a filter; an id holding one names no
 * resource); the indexed attributes are at most {@link #MAX_KEY_LENGTH} characters and a member's
 * {@code display} and {@code $ref} at most {@link #MAX_MEMBER_TEXT_LENGTH}; a {@code dateTime} lies
 * between the years 0001 and 9999 (see {@link io.scimkit.core.value.DateTimeValue}).
 *
 * @param maxPatchOperations the most operations in the {@code Operations} of one PATCH request
 *     (RFC 7644 §3.5.2); see {@link #DEFAULT_MAX_PATCH_OPERATIONS}
 * @param maxMembersPerResponse the most group members in a response assembled in memory; see
 *     {@link #DEFAULT_MAX_MEMBERS_PER_RESPONSE}
 */
public record ServiceLimits(int maxPayloadSize, int maxFilterLength, int maxFilterDepth, int maxResults,
        int defaultPageSize, int bulkMaxOperations, int bulkMaxPayloadSize, Duration cursorTimeout,
        int maxPatchOperations, int maxMembersPerResponse) {

    /**
     * The default most operations per PATCH request: 1,000. Identity providers send few operations
     * and many values: Microsoft Entra ID changes group members with one {@code Add} or
     * {@code Remove} operation listing many members, and updates a user with one operation per
     * changed attribute (a few dozen at most); Okta does the same (one operation per changed
     * attribute, member changes as value lists). Neither documents more than a few dozen
     * operations per request, so 1,000, the same as Bulk's default {@code maxOperations}, leaves a
     * wide margin while bounding the work one request can ask for.
     */
    public static final int DEFAULT_MAX_PATCH_OPERATIONS = 1000;

    /**
     * The default {@link #maxMembersPerResponse}: 100,000 members take some tens of MB while a
     * response is assembled, which a 512 MB heap bears a few times over, and every list response of
     * ordinary groups stays far below it.
     */
    public static final int DEFAULT_MAX_MEMBERS_PER_RESPONSE = 100_000;

    /**
     * The longest {@code userName}, {@code displayName}, {@code externalId}, {@code emails.value},
     * {@code emails.type}, {@code members.value} and {@code members.type} the service accepts, in
     * UTF-16 code units, also for the case-folded uniqueness key of the first three; fixed, so that
     * every store (and any index on these values) can size its columns by it. A longer value is a
     * 400 {@code invalidValue} before any store is asked.
     */
    public static final int MAX_KEY_LENGTH = 600;

    /** The longest {@code members.display} and {@code members.$ref} the service accepts; fixed like {@link #MAX_KEY_LENGTH}. */
    public static final int MAX_MEMBER_TEXT_LENGTH = 4000;

    /** The longest tenant name a {@link ScimPrincipal} may carry; fixed like {@link #MAX_KEY_LENGTH}. */
    public static final int MAX_TENANT_LENGTH = 255;

    public ServiceLimits {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (maxPayloadSize < 1 || maxFilterLength < 1 || maxFilterDepth < 1 || maxResults < 1
                || defaultPageSize < 1 || bulkMaxOperations < 0 || bulkMaxPayloadSize < 1
                || cursorTimeout.isNegative() || cursorTimeout.isZero() || maxPatchOperations < 1
                || maxMembersPerResponse < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (defaultPageSize > maxResults) {
            throw new IllegalArgumentException("the default page size cannot exceed maxResults");
        }
    }

    /** These limits with the default {@link #maxPatchOperations} and {@link #maxMembersPerResponse}. */
    public ServiceLimits(int maxPayloadSize, int maxFilterLength, int maxFilterDepth, int maxResults,
            int defaultPageSize, int bulkMaxOperations, int bulkMaxPayloadSize, Duration cursorTimeout) {
        this(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize, bulkMaxOperations,
                bulkMaxPayloadSize, cursorTimeout, DEFAULT_MAX_PATCH_OPERATIONS, DEFAULT_MAX_MEMBERS_PER_RESPONSE);
    }

    /**
     * The defaults: 1 MiB bodies, 4096-character filters nested at most 32 deep, pages of at most
     * 1000 (100 by default), Bulk with 1000 operations and 1 MiB, cursors valid for 10 minutes,
     * PATCH requests of at most 1000 operations, at most 100,000 members in a response assembled in
     * memory.
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(1 << 20, 4096, 32, 1000, 100, 1000, 1 << 20, Duration.ofMinutes(10));
    }

    /** A copy with another maximum body size. */
    public ServiceLimits withMaxPayloadSize(int value) {
        return new ServiceLimits(value, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout, maxPatchOperations, maxMembersPerResponse);
    }

    /** A copy with another maximum page size. */
    public ServiceLimits withMaxResults(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, value,
                Math.min(defaultPageSize, value), bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout,
                maxPatchOperations, maxMembersPerResponse);
    }

    /** A copy with other Bulk limits. */
    public ServiceLimits withBulk(int maxOperations, int maxBulkPayloadSize) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                maxOperations, maxBulkPayloadSize, cursorTimeout, maxPatchOperations, maxMembersPerResponse);
    }

    /** A copy with another maximum number of operations per PATCH request. */
    public ServiceLimits withMaxPatchOperations(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout, value, maxMembersPerResponse);
    }

    /** A copy with another {@link #maxMembersPerResponse}. */
    public ServiceLimits withMaxMembersPerResponse(int value) {
        return new ServiceLimits(maxPayloadSize, maxFilterLength, maxFilterDepth, maxResults, defaultPageSize,
                bulkMaxOperations, bulkMaxPayloadSize, cursorTimeout, maxPatchOperations, value);
    }
}
