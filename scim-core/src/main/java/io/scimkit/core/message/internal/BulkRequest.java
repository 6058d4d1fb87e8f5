package io.scimkit.core.message.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /Bulk} (RFC 7644 §3.7): the message {@code schemas} (which contain
 * {@link #BULK_REQUEST_URN}), the optional {@code failOnErrors} count after which processing stops,
 * and the {@code Operations} in the client's order.
 */
public record BulkRequest(List<String> schemas, @Nullable Integer failOnErrors, List<BulkOperation> operations) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:BulkRequest}. */
    public static final String BULK_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    public BulkRequest {
        schemas = List.copyOf(schemas);
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    }
}
