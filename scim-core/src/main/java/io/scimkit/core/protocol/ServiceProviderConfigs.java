package io.scimkit.core.protocol;

import io.scimkit.core.message.internal.AuthenticationScheme;
import io.scimkit.core.message.internal.ServiceProviderConfig;
import java.util.List;

/**
 * Derives the {@code /ServiceProviderConfig} resource (RFC 7643 §5) from the configuration the
 * service actually runs with, so that what it advertises is what it does: PATCH,
 * sorting and ETags are always on; Bulk is on when {@code bulkMaxOperations} is positive, with the
 * configured limits; filtering is on with {@code maxResults}; password changes are not offered;
 * authentication is by bearer token; both RFC 9865 pagination methods are offered, index by
 * default (RFC 9865 §2.4), with the configured page sizes and cursor lifetime.
 */
final class ServiceProviderConfigs {
    private ServiceProviderConfigs() {
    }

    static ServiceProviderConfig of(ServiceConfig config) {
        ServiceLimits limits = config.limits();
        return new ServiceProviderConfig(null, true,
                new ServiceProviderConfig.Bulk(limits.bulkMaxOperations() > 0, limits.bulkMaxOperations(),
                        limits.bulkMaxPayloadSize()),
                new ServiceProviderConfig.Filtering(true, limits.maxResults()),
                false, true, true,
                List.of(AuthenticationScheme.oauthBearerToken()),
                new ServiceProviderConfig.Pagination(true, true, "index", limits.defaultPageSize(),
                        limits.maxResults(), Math.max(1, limits.cursorTimeout().toSeconds())));
    }
}
