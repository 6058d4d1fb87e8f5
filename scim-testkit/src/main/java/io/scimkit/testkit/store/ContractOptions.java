package io.scimkit.testkit.store;

/**
 * How the stores under test must be configured for one contract test.
 *
 * @param uniqueExternalId whether {@code externalId} must be unique per tenant (digest K-49; the
 *     default is not unique, as RFC 7643 §3.1 says)
 */
public record ContractOptions(boolean uniqueExternalId) {
    /** The default configuration: {@code externalId} not unique. */
    public static final ContractOptions DEFAULTS = new ContractOptions(false);
}
