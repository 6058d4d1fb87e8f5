/**
 * The implementation of {@link io.scimkit.micrometer.ScimMetrics}: how a request becomes tags, the
 * store decorators and the outbox meters. Not API: it may change in any release. Imports scim-core's
 * API and {@code micrometer-core}.
 */
@NullMarked
package io.scimkit.micrometer.internal;

import org.jspecify.annotations.NullMarked;
