package io.scimkit.examples.store;

import io.scimkit.core.value.ComplexValue;
import org.jspecify.annotations.Nullable;

/**
 * A person as the application keeps it, before SCIM came along: the columns the application reads
 * itself, and {@code rest} for every other attribute a client sends, kept so that it comes back
 * unchanged (RFC 7644 §3.5.1: a PUT replaces the attributes, and a later GET returns what was
 * stored). In a database, {@code rest} would be one JSON column. The SCIM {@code id}, the tenant
 * and what {@code meta} is made of are kept beside the row, as the primary key and bookkeeping
 * columns of the same table would be.
 *
 * @param userName the SCIM {@code userName} (RFC 7643 §4.1.1), unique per tenant without regard to case
 * @param externalId the client's own identifier for the person (RFC 7643 §3.1), if it sent one
 * @param displayName the SCIM {@code displayName}
 * @param active the SCIM {@code active}; {@code null} when it was never sent, which filters such as
 *     {@code active pr} tell from {@code false}
 * @param rest every other attribute, including {@code schemas} and extension objects
 */
public record Person(String userName, @Nullable String externalId, @Nullable String displayName,
        @Nullable Boolean active, ComplexValue rest) {
}
