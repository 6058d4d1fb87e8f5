package io.scimkit.core.store;

import java.util.Optional;

/** The {@code sortOrder} of a query (RFC 7644 §3.4.2.3). */
public enum SortOrder {
    ASCENDING("ascending"),
    DESCENDING("descending");

    private final String token;

    SortOrder(String token) {
        this.token = token;
    }

    /** The parameter value as RFC 7644 writes it. */
    public String token() {
        return token;
    }

    /** The order with this token, ignoring case. */
    public static Optional<SortOrder> fromToken(String token) {
        for (SortOrder order : values()) {
            if (order.token.equalsIgnoreCase(token)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
