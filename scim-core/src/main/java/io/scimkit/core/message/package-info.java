/**
 * SCIM protocol messages (RFC 7644 §3.1, §8.2) as records: error responses, list responses,
 * search requests, bulk requests and responses, and the service provider configuration. The
 * {@code codec} package reads and writes them as JSON.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter},
 * {@code resource}, {@code patch}, {@code dialect} and {@code store}.
 */
@NullMarked
package io.scimkit.core.message;

import org.jspecify.annotations.NullMarked;
