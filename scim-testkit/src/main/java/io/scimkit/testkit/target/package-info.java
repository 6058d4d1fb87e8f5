/**
 * Where scenarios are replayed: a {@link io.scimkit.testkit.target.Target} sends one HTTP-shaped
 * request and returns the response. {@link io.scimkit.testkit.target.InProcessTarget} calls a
 * {@code ScimService} directly (no sockets); {@link io.scimkit.testkit.target.HttpTarget} talks
 * HTTP/1.1 to a running endpoint with a bearer token, the way Entra ID does (RFC 6750 §2.1). The
 * testkit reaches servers only through targets.
 *
 * <p>Bearer tokens never appear in {@code toString()}, exception messages or reports.
 */
@NullMarked
package io.scimkit.testkit.target;

import org.jspecify.annotations.NullMarked;
