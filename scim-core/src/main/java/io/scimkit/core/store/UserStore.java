package io.scimkit.core.store;

/**
 * The store of User resources (RFC 7643 §4.1). Must enforce {@code userName} uniqueness per tenant,
 * case-insensitively (S-USR-01), and answer Entra's {@code eq} lookups on {@code userName},
 * {@code externalId} and {@code emails[type eq "work"].value} without scanning.
 */
public interface UserStore extends ResourceStore {
}
