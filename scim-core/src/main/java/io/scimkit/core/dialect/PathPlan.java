package io.scimkit.core.dialect;

import io.scimkit.core.patch.PatchPath;
import io.scimkit.core.schema.ResolvedAttribute;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the path rules of a dialect make of one PATCH {@code path} text (RFC 7644 §3.5.2) for one
 * resource type: the path after the extension-separator fix (Entra quirk Q24, see
 * {@code docs/entra-quirks.md}), the qualification of
 * extension-only names (Q9/Q12) and string booleans in the value filter (Q2), the rules that
 * changed it, and the parsed and resolved path the value rules need. It depends on the path text,
 * the resource type, the registry and the dialect's rules only, so one plan serves every request
 * that sends the same text. Immutable.
 *
 * @param path the path to send on
 * @param fired the path rules that changed the text (empty when it passes unchanged)
 * @param parsed the parsed path, or {@code null} when the text does not parse (the engine reports it)
 * @param resolved the attribute the path names, or {@code null} when unparsed or unknown
 */
record PathPlan(String path, Set<DialectRule> fired, @Nullable PatchPath parsed, @Nullable ResolvedAttribute resolved) {
}
