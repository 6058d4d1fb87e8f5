package io.scimkit.examples.store;

import io.scimkit.core.value.ComplexValue;
import org.jspecify.annotations.Nullable;

/**
 * A team as the application keeps it. Who is in it is not part of the row but of
 * {@link TeamStore}'s membership map, so that adding one member to a large team touches one entry.
 *
 * @param displayName the SCIM Group {@code displayName} (RFC 7643 §4.2), unique per tenant without
 *     regard to case, since identity providers find groups by it
 * @param externalId the client's own identifier for the team (RFC 7643 §3.1), if it sent one
 * @param rest every other attribute, including {@code schemas}
 */
public record Team(String displayName, @Nullable String externalId, ComplexValue rest) {
}
