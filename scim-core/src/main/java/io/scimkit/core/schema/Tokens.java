package io.scimkit.core.schema;

import java.util.Optional;

/** Case-insensitive lookup of the schema characteristic enums by their wire token. */
final class Tokens {
    /** An enum constant that has a wire token. */
    interface Token {
        String token();
    }

    private Tokens() {
    }

    static <E extends Token> Optional<E> find(E[] values, String token) {
        for (E value : values) {
            if (value.token().equalsIgnoreCase(token)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
