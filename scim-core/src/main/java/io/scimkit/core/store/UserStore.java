package io.scimkit.core.store;

/**
 * The store of User resources (RFC 7643 §4.1). Besides the {@link ResourceStore} contract it keeps
 * {@code userName} unique per tenant without regard to case (RFC 7643 §4.1.1; {@link IndexKey#fold}
 * gives the key), and should answer the lookups identity providers make before every create
 * ({@code userName eq "..."}, {@code externalId eq "..."}) from an index, declared with
 * {@link StoreCapabilities.Builder#lookups}. A user store never needs the group store: the core
 * removes a deleted user from its groups.
 */
public interface UserStore extends ResourceStore {
}
