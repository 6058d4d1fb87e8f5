/**
 * How the example server hands provisioning events ({@link io.scimkit.core.event}) to an
 * application in any language: one log line per event, or an HTTP POST of the event's JSON
 * ({@link io.scimkit.core.codec.EventCodec}) to a webhook, signed with HMAC-SHA256 when a secret is
 * configured ({@link io.scimkit.examples.events.WebhookSignature}).
 *
 * <p>May import scim-core, SLF4J and the JDK; the server package ({@code io.scimkit.examples}) uses
 * it, never the other way round.
 */
@NullMarked
package io.scimkit.examples.events;

import org.jspecify.annotations.NullMarked;
