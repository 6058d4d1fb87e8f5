/**
 * The JSON codec (RFC 7643 §2, §3; RFC 7644 §3.1): request bodies to
 * {@link io.scimkit.core.resource.ScimResource} and {@link io.scimkit.core.value.ScimValue}, and
 * back, using the Jackson streaming API only ({@code JsonFactory}, {@code JsonParser},
 * {@code JsonGenerator}; no data binding).
 *
 * <p>Reading resolves attribute names without regard to case (RFC 7643 §2.1; Entra quirk Q8, see
 * {@code docs/entra-quirks.md}) and stores each under its schema's canonical spelling; values are typed by their attribute
 * definitions but kept as sent (decimal scale, dateTime text, strings such as {@code "True"} for a
 * boolean), so that validation and normalisation can happen elsewhere and a resource writes back
 * exactly as it was read. Every malformed body is reported as {@code invalidSyntax}.
 *
 * <p>The API is {@link io.scimkit.core.codec.ResourceCodec} (resources and values) and
 * {@link io.scimkit.core.codec.PatchRequestCodec} (PATCH request bodies, RFC 7644 §3.5.2); the
 * readers and writers behind them, and those only the protocol layer needs, live in
 * {@code codec.internal}, which is not API.
 *
 * <p>This package and {@code codec.internal} are the only ones that import Jackson. It may import
 * every core package above it ({@code error}, {@code value}, {@code path}, {@code schema},
 * {@code filter}, {@code resource}, {@code patch}) and {@code codec.internal}, but not
 * {@code store} or {@code protocol}.
 */
@NullMarked
package io.scimkit.core.codec;

import org.jspecify.annotations.NullMarked;
