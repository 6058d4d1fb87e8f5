package io.scimkit.core.filter;

import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2 Table 3, except {@code pr}; each carries its token. */
public enum CompareOp {
    /** Equal. */
    EQ("eq"),
    /** Not equal. */
    NE("ne"),
    /** Contains: the operand occurs within the value. */
    CO("co"),
    /** Starts with. */
    SW("sw"),
    /** Ends with. */
    EW("ew"),
    /** Greater than. */
    GT("gt"),
    /** Greater than or equal to. */
    GE("ge"),
    /** Less than. */
    LT("lt"),
    /** Less than or equal to. */
    LE("le");

    private final String token;

    CompareOp(String token) {
        this.token = token;
    }

    /** The operator as written in a filter, in lower case. */
    public String token() {
        return token;
    }

    /** Whether this is an ordering operator ({@code gt ge lt le}). */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** Whether this is a substring operator ({@code co sw ew}). */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }

    /** Looks an operator up, ignoring case (RFC 7644 §3.4.2.2). */
    public static Optional<CompareOp> fromToken(String token) {
        for (CompareOp op : values()) {
            if (op.token.equalsIgnoreCase(token)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
