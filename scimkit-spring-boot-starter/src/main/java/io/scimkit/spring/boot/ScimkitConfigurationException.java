package io.scimkit.spring.boot;

import java.util.Objects;

/**
 * The application's configuration cannot give a working SCIM service: no store, no token, an
 * unusable token. Spring Boot reports it at start-up as a failure analysis with {@link #action()}
 * ({@link ScimkitFailureAnalyzer}). Messages never contain a token.
 */
public final class ScimkitConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String action;

    ScimkitConfigurationException(String description, String action) {
        super(description);
        this.action = Objects.requireNonNull(action, "action");
    }

    /** What to change to make the application start. */
    public String action() {
        return action;
    }
}
