package io.scimkit.core.patch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The three PATCH operations of RFC 7644 §3.5.2, with their wire tokens. */
public enum PatchOp {
    /** §3.5.2.1: add a value, or append to a multi-valued attribute. */
    ADD("add"),
    /** §3.5.2.2: remove a value or elements. */
    REMOVE("remove"),
    /** §3.5.2.3: replace a value or elements. */
    REPLACE("replace");

    /** Every constant, and each one as the answer of {@link #fromToken}, built once: {@code values()} copies. */
    private static final PatchOp[] ALL = values();
    private static final List<Optional<PatchOp>> FOUND = Arrays.stream(ALL).map(Optional::of).toList();

    private final String token;

    PatchOp(String token) {
        this.token = token;
    }

    /** The operation as RFC 7644 writes it, in lower case. */
    public String token() {
        return token;
    }

    /**
     * The operation with exactly this token. Matching is case-sensitive: Entra's {@code "Replace"}
     * (quirk Q1, see {@code docs/entra-quirks.md}) is turned into {@code "replace"} by the lenient dialect before this.
     */
    public static Optional<PatchOp> fromToken(String token) {
        for (PatchOp op : ALL) {
            if (op.token.equals(token)) {
                return FOUND.get(op.ordinal());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
