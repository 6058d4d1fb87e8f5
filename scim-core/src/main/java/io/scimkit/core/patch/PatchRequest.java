package io.scimkit.core.patch;

import java.util.List;
import java.util.Objects;

/**
 * A PATCH request body (RFC 7644 §3.5.2): the message {@code schemas} and the ordered
 * {@code Operations}. The codec checks the message shape; operations are applied in order, each
 * on the result of the one before.
 */
public record PatchRequest(List<String> schemas, List<PatchOperation> operations) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:PatchOp}. */
    public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public PatchRequest {
        schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    }

    /** A request with the PatchOp schema and these operations. */
    public static PatchRequest of(List<PatchOperation> operations) {
        return new PatchRequest(List.of(PATCH_OP_URN), operations);
    }

    /** A copy with other operations. */
    public PatchRequest withOperations(List<PatchOperation> newOperations) {
        return new PatchRequest(schemas, newOperations);
    }
}
