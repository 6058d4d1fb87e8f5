/**
 * Implementation of the JSON codec, not API: the readers and writers behind
 * {@link io.scimkit.core.codec.ResourceCodec} and {@link io.scimkit.core.codec.PatchRequestCodec},
 * and the ones only the protocol layer uses: error bodies (RFC 7644 §3.12), list responses
 * (RFC 7644 §3.4.2, RFC 9865 §2), search requests (RFC 7644 §3.4.3), bulk requests and responses
 * (RFC 7644 §3.7) and the discovery documents (RFC 7643 §5-§7). Its types may change in any
 * release; embedders use {@code io.scimkit.core.codec}.
 *
 * <p>Uses the Jackson streaming API only. May import the packages below {@code codec} in the core's
 * package order ({@code error} to {@code message.internal}); never {@code io.scimkit.core.codec}
 * itself, whose two codecs build on this package, nor {@code store} or {@code protocol}.
 */
@NullMarked
package io.scimkit.core.codec.internal;

import org.jspecify.annotations.NullMarked;
