package io.scimkit.testkit.store;

/**
 * How {@link StoreContract#createStores} must configure the stores it returns for one test.
 *
 * @param uniqueExternalId whether {@code externalId} must be unique per tenant, as an application
 *     may choose; RFC 7643 §3.1 does not require it, so the default is {@code false}. The suite asks
 *     for {@code true} in one test only, and skips it if {@link StoreContract#supportsUniqueExternalId()}
 *     returns {@code false}.
 */
public record ContractOptions(boolean uniqueExternalId) {
    /** The default configuration: {@code externalId} is not unique. */
    public static final ContractOptions DEFAULTS = new ContractOptions(false);
}
