/**
 * The one error type of the library: {@link io.scimkit.core.error.ScimException} carries an HTTP
 * status, an optional RFC 7644 §3.12 {@link io.scimkit.core.error.ScimErrorType} and a detail
 * message safe to show to clients.
 *
 * <p>Imports nothing outside {@code java.*}.
 */
@NullMarked
package io.scimkit.core.error;

import org.jspecify.annotations.NullMarked;
