package io.scimkit.core.message.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The service provider configuration resource (RFC 7643 §5, served at
 * {@code /ServiceProviderConfig}, RFC 7644 §4): which optional features the service supports and
 * with which limits. {@code etag} and {@code authenticationSchemes[].type} follow the §5 prose,
 * although the §8.7.2 schema leaves them out; {@code pagination} is the RFC 9865 §4 addition.
 */
public record ServiceProviderConfig(@Nullable String documentationUri, boolean patchSupported, Bulk bulk,
        Filtering filter, boolean changePasswordSupported, boolean sortSupported, boolean etagSupported,
        List<AuthenticationScheme> authenticationSchemes, @Nullable Pagination pagination) {

    /** {@code urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig}. */
    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    /** The value of {@code meta.resourceType} (as in the RFC 7643 §8.5 example). */
    public static final String RESOURCE_TYPE = "ServiceProviderConfig";

    public ServiceProviderConfig {
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(filter, "filter");
        authenticationSchemes = List.copyOf(authenticationSchemes);
    }

    /** The {@code bulk} complex attribute: supported, maxOperations, maxPayloadSize (bytes). */
    public record Bulk(boolean supported, int maxOperations, int maxPayloadSize) {
    }

    /** The {@code filter} complex attribute: supported, maxResults. */
    public record Filtering(boolean supported, int maxResults) {
    }

    /**
     * The RFC 9865 §4 {@code pagination} complex attribute: which methods are supported, the
     * default for requests that name none ({@code "cursor"} or {@code "index"}), page sizes, and the
     * minimum number of seconds a cursor stays valid.
     */
    public record Pagination(boolean cursor, boolean index, @Nullable String defaultPaginationMethod,
            int defaultPageSize, int maxPageSize, long cursorTimeout) {
    }
}
