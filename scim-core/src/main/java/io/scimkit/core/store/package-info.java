/**
 * The store SPI: what an application implements to keep SCIM resources in its own database.
 * {@link io.scimkit.core.store.UserStore} and {@link io.scimkit.core.store.GroupStore} share the
 * generic {@link io.scimkit.core.store.ResourceStore}; every method takes records
 * ({@link io.scimkit.core.store.StoreContext}, {@link io.scimkit.core.store.ResourceCreate},
 * {@link io.scimkit.core.store.StoreQuery}, {@link io.scimkit.core.store.ResourceUpdate},
 * {@link io.scimkit.core.store.ResourceDelete}) so the SPI can grow without breaking stores.
 *
 * <p>The contract, in full:
 * <ul>
 *   <li><b>Tenants.</b> Data is partitioned by {@code StoreContext.tenant()}; nothing crosses
 *       tenants, and uniqueness is per tenant. A single-tenant application may ignore the tenant,
 *       since it is then always {@code StoreContext.DEFAULT_TENANT}.
 *   <li><b>Ids and meta.</b> {@code create} assigns the {@code id} (never reused) and stamps
 *       {@code meta.created}, {@code meta.lastModified} (the request time) and
 *       {@code meta.version}; every write gives a new version ({@link io.scimkit.core.store.Versions}).
 *   <li><b>Attributes.</b> What {@code get} returns is what was stored: every attribute the core
 *       handed over comes back. Columns for the attributes you query plus one JSON column for the
 *       rest ({@code io.scimkit.core.codec.JsonColumn}) is the simple way to keep them all.
 *   <li><b>Writes</b> are compare-and-swap: an update or delete with an expected version that is no
 *       longer current fails with 412 and changes nothing.
 *   <li><b>Uniqueness</b> of {@code userName} and a group's {@code displayName}, without regard to
 *       case ({@link io.scimkit.core.store.IndexKey}), and of {@code externalId} when the
 *       application wants it, is enforced atomically (a unique index, not check-then-insert) and
 *       reported as 409 {@code uniqueness}.
 *   <li><b>Queries.</b> {@code search} answers what {@code capabilities()} declares and nothing
 *       more; the core filters, sorts and pages the rest. The least is listing every resource of
 *       the tenant by index page in a stable order.
 *   <li><b>Groups.</b> Member changes are deltas costing O(change); {@code groupsOf} lists the
 *       groups of a member.
 * </ul>
 * The testkit's {@code StoreContract} checks all of this through the core.
 *
 * <p>What the core guarantees a store, whatever the client sent (so that columns can be sized and
 * every store answers alike): no string, attribute name, filter literal or id it hands over holds
 * U+0000 or an unpaired surrogate; {@code userName}, {@code displayName}, {@code externalId} (also
 * case-folded by {@code IndexKey.fold}), {@code emails.value}, {@code emails.type},
 * {@code members.value} and {@code members.type} are at most 600 characters, {@code members.display}
 * and {@code members.$ref} at most 4000, a tenant name at most 255
 * ({@code io.scimkit.core.protocol.ServiceLimits}); a {@code dateTime}, in a body or a filter,
 * lies between the years 0001 and 9999 ({@link io.scimkit.core.value.DateTimeValue}). A request
 * that breaks one of these is answered 400 before any store is called.
 *
 * <p>Helpers a store may reuse: {@link io.scimkit.core.store.IndexKey} (uniqueness keys),
 * {@link io.scimkit.core.store.Versions} (version tags and the 412 check),
 * {@link io.scimkit.core.store.StorePage#slice} (index pages of a list),
 * {@link io.scimkit.core.store.SortKey} (the RFC 7644 §3.4.2.3 sort order, for a store that sorts),
 * {@link io.scimkit.core.store.CursorPayload} and {@link io.scimkit.core.store.CursorSeal} (RFC 9865
 * cursors, for a store that pages by cursor itself).
 *
 * <p>Provisioning events: a store that writes the events of each change in the change's own
 * transaction (a transactional outbox, so that an event exists exactly when its change was
 * committed) implements {@link io.scimkit.core.store.EventRecordingStore}; the core then hands it
 * each write's events as a {@link io.scimkit.core.store.PendingEvents} function of the
 * {@link io.scimkit.core.store.WrittenChange}. Any other store needs nothing: the service's
 * listeners are told of its changes synchronously.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code event}, {@code schema}, {@code filter},
 * {@code resource}, {@code patch} and {@code dialect}.
 */
@NullMarked
package io.scimkit.core.store;

import org.jspecify.annotations.NullMarked;
