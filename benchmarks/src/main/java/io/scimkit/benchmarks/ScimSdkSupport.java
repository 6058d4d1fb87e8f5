package io.scimkit.benchmarks;

import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import java.util.List;

/**
 * SCIM-SDK by Captain Goldfish (scim-sdk-server 1.30.0) through its public API. Its filter parser
 * resolves every attribute against a resource type while parsing, so the fixture registers the
 * bundled User endpoint (RFC 7643 §4.1 schema shipped in scim-sdk-common) on a
 * {@link ResourceEndpoint}; {@code RequestUtils.parseFilter} then parses, and
 * {@code FilterResourceResolver.filterResources} is its in-memory matcher.
 */
final class ScimSdkSupport {
    static final ServiceProvider SERVICE_PROVIDER = ServiceProvider.builder()
            .filterConfig(FilterConfig.builder().supported(true).maxResults(100).build())
            .build();
    static final ResourceType USER_TYPE = new ResourceEndpoint(SERVICE_PROVIDER)
            .registerEndpoint(new UserEndpointDefinition(new UnusedUserHandler()));

    private ScimSdkSupport() {
    }

    static FilterNode parse(String text) {
        return RequestUtils.parseFilter(USER_TYPE, text);
    }

    /** Whether the user matches: the SDK's matcher filters a list, so this filters a list of one. */
    static boolean matches(FilterNode filter, List<User> oneUser) {
        return !FilterResourceResolver.filterResources(SERVICE_PROVIDER, oneUser, filter).isEmpty();
    }

    /** The Entra sample body read into the SDK's User node. */
    static User user() {
        return JsonHelper.readJsonDocument(EntraUser.json(), User.class);
    }

    /**
     * The SDK only builds a resource type around a handler; the benchmarks never send a request, so
     * every operation refuses.
     */
    private static final class UnusedUserHandler extends ResourceHandler<User> {
        @Override
        public User createResource(User resource, Context context) {
            throw new UnsupportedOperationException("benchmark fixture serves no requests");
        }

        @Override
        public User getResource(String id, List<SchemaAttribute> attributes,
                List<SchemaAttribute> excludedAttributes, Context context) {
            throw new UnsupportedOperationException("benchmark fixture serves no requests");
        }

        @Override
        public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter,
                SchemaAttribute sortBy, SortOrder sortOrder, List<SchemaAttribute> attributes,
                List<SchemaAttribute> excludedAttributes, Context context) {
            throw new UnsupportedOperationException("benchmark fixture serves no requests");
        }

        @Override
        public User updateResource(User resource, Context context) {
            throw new UnsupportedOperationException("benchmark fixture serves no requests");
        }

        @Override
        public void deleteResource(String id, Context context) {
            throw new UnsupportedOperationException("benchmark fixture serves no requests");
        }
    }
}
