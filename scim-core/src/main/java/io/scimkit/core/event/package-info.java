/**
 * Provisioning events: what a SCIM client changed, told to the application after the store
 * committed it, so that the application can react (end a disabled user's sessions, grant the access
 * a new group member gets). Each event is an immutable record of plain values (strings, an
 * {@link java.time.Instant}, lists of ids) that can be written to a table row or a JSON body as it
 * is; it carries the ids of what changed and the names of changed attributes, never their values
 * (a group's {@code displayName} is the one exception).
 *
 * <p>An application registers {@link io.scimkit.core.event.ProvisioningListener}s on
 * {@code ScimService.builder()}. This package imports nothing but the JDK and JSpecify (it sits above
 * {@code path} and below {@code schema} in the core's layers), so that every layer above it, stores
 * included, may use its types: a store that writes events in its own transaction can.
 */
@NullMarked
package io.scimkit.core.event;

import org.jspecify.annotations.NullMarked;
