/**
 * The client-dialect normaliser: named, individually switchable rules that rewrite
 * what real SCIM clients send (Microsoft Entra ID provisioning, the SCIM Validator, Okta) into the
 * form RFC 7643/7644 defines, before the PATCH engine and the validator run. Entry point:
 * {@link io.scimkit.core.dialect.ClientDialect} with the presets {@code strict()} (RFC only) and
 * {@code lenient()} (every documented quirk); the rules are {@link io.scimkit.core.dialect.DialectRule}.
 *
 * <p>Roles serialised as JSON text inside {@code value} (Entra quirk Q15; the quirks are listed in {@code docs/entra-quirks.md}) need a JSON reader, but
 * only {@code codec} may use Jackson and {@code codec} sits above this package. The rule therefore
 * reads the text with {@link io.scimkit.core.dialect.FlatJsonObject}, a small reader for exactly
 * the shape Entra sends (one object of string, number, boolean and null members); anything else is
 * left as the client sent it, for validation to judge.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter},
 * {@code resource}, {@code patch} and {@code org.slf4j}.
 */
@NullMarked
package io.scimkit.core.dialect;

import org.jspecify.annotations.NullMarked;
