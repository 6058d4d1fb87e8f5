package io.scimkit.jaxrs;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.ScimResponse;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * How many requests of one tenant (RFC 7644 §2 "security subject" of an authenticated principal) the
 * endpoint serves at once. A request over its tenant's share is answered at once with 429 and
 * {@code Retry-After} (RFC 6585 §4; error body RFC 7644 §3.12), before its body is read, so one tenant's
 * slow or numerous requests cannot hold every request thread of the server. Zero means no limit.
 */
final class TenantPermits {
    /** No limit: every request gets a permit. */
    static final TenantPermits UNLIMITED = new TenantPermits(0);

    /** Seconds a refused client is asked to wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final int perTenant;
    /** One semaphore per tenant that has called; tenants are those the authenticator knows, a bounded set. */
    private final ConcurrentMap<String, Semaphore> tenants = new ConcurrentHashMap<>();

    /** @param perTenant the most requests one tenant may have in progress, 0 for no limit */
    TenantPermits(int perTenant) {
        if (perTenant < 0) {
            throw new IllegalArgumentException("a per-tenant request limit is 0 (none) or more, not " + perTenant);
        }
        this.perTenant = perTenant;
    }

    /** A held permit; {@link #close()} gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** The permit of a request that needs none (an anonymous one, or any when there is no limit). */
    static final Permit NOTHING_HELD = () -> { };

    /** A permit for one request of the tenant, or empty if the tenant already holds its share. */
    Optional<Permit> tryAcquire(String tenant) {
        if (perTenant == 0) {
            return Optional.of(NOTHING_HELD);
        }
        Semaphore share = tenants.computeIfAbsent(tenant, name -> new Semaphore(perTenant));
        return share.tryAcquire() ? Optional.of(share::release) : Optional.empty();
    }

    /** The answer to a request over its tenant's share: 429, retry after a second. */
    static ScimResponse refusal() {
        return ScimResponse.error(new ScimException(429, null,
                "too many requests of this tenant are in progress; retry later"))
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
}
