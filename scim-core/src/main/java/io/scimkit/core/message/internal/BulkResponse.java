package io.scimkit.core.message.internal;

import java.util.List;

/**
 * The body of a {@code /Bulk} response (RFC 7644 §3.7): one {@link BulkOperationResult} per
 * processed operation, in the order of the request. The HTTP status is 200 whenever the request
 * as a whole was processed, however many operations failed: RFC 7644 §3.7's text could be read as asking for an error
 * status, but its examples answer 200, and each operation carries its own status.
 */
public record BulkResponse(List<BulkOperationResult> operations) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:BulkResponse}. */
    public static final String BULK_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public BulkResponse {
        operations = List.copyOf(operations);
    }
}
