package io.scimkit.examples;

import java.util.Optional;

/**
 * Whether the stores can serve requests now, for the readiness endpoint ({@link HealthResource}):
 * empty when ready, else a short reason for the operator that names no host, user, SQL or class.
 */
@FunctionalInterface
public interface StoreReadiness {

    /** Stores that are always ready, such as the in-memory ones. */
    StoreReadiness ALWAYS = () -> Optional.empty();

    /** Empty when the stores can serve requests; else why not. Must return within a few seconds. */
    Optional<String> notReadyBecause();
}
