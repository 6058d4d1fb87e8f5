package io.scimkit.core.patch;

import io.scimkit.core.value.ScimValue;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One element of a PATCH request's {@code Operations} array (RFC 7644 §3.5.2), as the client sent
 * it: the {@code op} text (not yet checked, so that a dialect rule can normalise Entra's
 * {@code "Replace"}), the optional {@code path} text and the optional {@code value}, read as
 * untyped JSON (the path decides its type).
 *
 * @param op the {@code op} member as sent
 * @param path the {@code path} member, or {@code null} when absent
 * @param value the {@code value} member, or {@code null} when absent (JSON {@code null} is a NullValue)
 */
public record PatchOperation(String op, @Nullable String path, @Nullable ScimValue value) {
    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    /** An operation from its typed parts. */
    public static PatchOperation of(PatchOp op, @Nullable String path, @Nullable ScimValue value) {
        return new PatchOperation(op.token(), path, value);
    }

    /** The typed operation, if {@code op} is exactly one of the RFC's tokens. */
    public Optional<PatchOp> type() {
        return PatchOp.fromToken(op);
    }

    /** A copy with another {@code op} text. */
    public PatchOperation withOp(String newOp) {
        return new PatchOperation(newOp, path, value);
    }

    /** A copy with another {@code path}. */
    public PatchOperation withPath(@Nullable String newPath) {
        return new PatchOperation(op, newPath, value);
    }

    /** A copy with another {@code value}. */
    public PatchOperation withValue(@Nullable ScimValue newValue) {
        return new PatchOperation(op, path, newValue);
    }
}
