package io.scimkit.core.protocol;

import java.util.Optional;

/**
 * Maps the authenticated principal to the id of the User resource it stands for, which makes
 * {@code /Me} (RFC 7644 §3.11) an alias of {@code /Users/{id}}. Without a resolver, {@code /Me}
 * answers 501, as §3.11 says a service provider that does not support it should.
 */
@FunctionalInterface
public interface MeResolver {
    /** The id of the principal's own User resource, if it has one. */
    Optional<String> userId(ScimPrincipal principal);
}
