/**
 * Micrometer metrics for a scimkit {@link io.scimkit.core.ScimService}: one entry point,
 * {@link io.scimkit.micrometer.ScimMetrics}, that observes requests, decorates stores and binds an
 * outbox's figures to an application's {@code MeterRegistry}. Meter names are in Micrometer's dot
 * style (a Prometheus registry writes {@code scim.requests} as {@code scim_requests_seconds}):
 *
 * <table>
 * <caption>The meters</caption>
 * <tr><th>Name</th><th>Type</th><th>Tags</th><th>What it measures</th></tr>
 * <tr><td>{@code scim.requests}</td><td>timer</td>
 *     <td>{@code resource.type}, {@code method}, {@code status}, {@code tenant}</td>
 *     <td>every request the service served (RFC 7644 §3), and how long the service took</td></tr>
 * <tr><td>{@code scim.dialect.rules.fired}</td><td>counter</td><td>{@code tenant}, {@code rule}</td>
 *     <td>requests a client dialect rule rewrote (Entra quirks, see {@code docs/entra-quirks.md})</td></tr>
 * <tr><td>{@code scim.store.calls}</td><td>timer</td>
 *     <td>{@code resource.type}, {@code operation}, {@code outcome}</td>
 *     <td>calls of a decorated store</td></tr>
 * <tr><td>{@code scim.outbox.backlog}</td><td>gauge</td><td>none</td>
 *     <td>provisioning events written but not yet delivered</td></tr>
 * <tr><td>{@code scim.outbox.delivery.failures}</td><td>function counter</td><td>none</td>
 *     <td>failed delivery attempts of provisioning events</td></tr>
 * </table>
 *
 * <p>Every tag has a bounded set of values: resource types are those the service serves, methods
 * the HTTP methods SCIM uses, statuses numbers, tenants those the operator configured, rules the
 * {@link io.scimkit.core.dialect.DialectRule} ids. No resource id, path, query, principal name,
 * token or attribute value ever becomes a tag.
 *
 * <p>Imports scim-core's API and Micrometer's {@code micrometer-core} API only; the implementation
 * is in {@code io.scimkit.micrometer.internal}.
 */
@NullMarked
package io.scimkit.micrometer;

import org.jspecify.annotations.NullMarked;
