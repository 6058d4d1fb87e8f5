/**
 * SCIM protocol messages (RFC 7644 §3.1, §8.2) as records, not API: error responses, list
 * responses, search requests, bulk requests and responses, and the service provider
 * configuration. {@code codec.internal} reads and writes them as JSON and the protocol layer builds
 * them; embedders see only the JSON. Its types may change in any release.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter},
 * {@code resource}, {@code patch}, {@code dialect} and {@code store}.
 */
@NullMarked
package io.scimkit.core.message.internal;

import org.jspecify.annotations.NullMarked;
