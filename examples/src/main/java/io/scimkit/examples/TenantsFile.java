package io.scimkit.examples;

import io.scimkit.jaxrs.BearerTokenAuthenticator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code --tenants} file of the multi-tenant demo: one {@code tenant=token} line per tenant
 * ({@code #} starts a comment line, blank lines are skipped, spaces around names and tokens are
 * trimmed). Each tenant's data is separate (StoreContext tenant) and each Entra tenant gets its own
 * Secret Token. A token may be written as {@code sha256:} and the 64 hexadecimal digits of its SHA-256
 * hash ({@code --hash-token} prints it), so that the file holds no secret; a tenant may have several
 * tokens at once, comma-separated ({@code contoso=sha256:...,sha256:...}), to rotate its Secret Token
 * without an outage. Tokens never appear in error messages; lines are referred to by number.
 *
 * @param tokensByTenant the tokens (or {@code sha256:} hashes) in file order, by tenant name
 * @param warnings problems that do not stop the server: a file other local users may read
 */
public record TenantsFile(Map<String, List<String>> tokensByTenant, List<String> warnings) {
    private static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantsFile {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        tokensByTenant.forEach((tenant, tokens) -> copy.put(tenant, List.copyOf(tokens)));
        tokensByTenant = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return "TenantsFile[tenants=" + tokensByTenant.keySet() + "]";
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry, or if the file cannot be read
     */
    public static TenantsFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read tenants file " + file + ": " + unreadable.getMessage());
        }
        TenantsFile parsed = parse(lines, file.toString());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        permissionWarning(file).ifPresent(warnings::add);
        return new TenantsFile(parsed.tokensByTenant(), warnings);
    }

    /**
     * Parses the lines of a tenants file.
     *
     * @param source the file name, for messages
     * @throws IllegalArgumentException naming the line of a malformed or duplicate entry
     */
    public static TenantsFile parse(List<String> lines, String source) {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        Set<String> seenTokens = new HashSet<>();
        Set<String> seenTenantsIgnoringCase = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(where + ": expected tenant=token");
            }
            String tenant = line.substring(0, equals).strip();
            String token = line.substring(equals + 1).strip();
            if (!TENANT_NAME.matcher(tenant).matches()) {
                throw new IllegalArgumentException(where + ": a tenant name is 1-64 letters, digits, '.', '_' or '-'");
            }
            if (token.isEmpty()) {
                throw new IllegalArgumentException(where + ": tenant " + tenant + " has no token");
            }
            if (!seenTenantsIgnoringCase.add(tenant.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + ": tenant " + tenant + " is listed twice");
            }
            List<String> items;
            try {
                items = TokenList.parse(token);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException(where + ": the value of tenant " + tenant + " "
                        + malformed.getMessage());
            }
            for (String item : items) {
                if (!seenTokens.add(TokenList.hashOf(item))) {
                    // One token for two tenants would make the tenant of a request ambiguous.
                    throw new IllegalArgumentException(where + ": tenant " + tenant
                            + " repeats a token (its own or another tenant's)");
                }
            }
            tokens.put(tenant, items);
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(source + ": no tenant=token lines");
        }
        return new TenantsFile(tokens, warnings);
    }

    private static Optional<String> permissionWarning(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("tenants file " + file + " is readable by every local user; "
                        + "it holds secrets: chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Not a POSIX file system (Windows): nothing to check.
        }
        return Optional.empty();
    }
}
