package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantsFileTest {
    private static final String CONTOSO = "contoso-token-0123456789";
    private static final String FABRIKAM = "fabrikam-token-0123456789";

    @Test
    void readsTenantTokenLinesSkippingCommentsAndBlanks() {
        TenantsFile file = TenantsFile.parse(List.of("# demo tenants", "", " contoso = " + CONTOSO + " ",
                "fabrikam=" + FABRIKAM, "   "), "tenants");
        assertThat(file.tokensByTenant()).containsExactly(java.util.Map.entry("contoso", List.of(CONTOSO)),
                java.util.Map.entry("fabrikam", List.of(FABRIKAM)));
        assertThat(file.warnings()).isEmpty();
        assertThat(file.toString()).contains("contoso").doesNotContain(CONTOSO);
    }

    @Test
    void aTokenMayContainEqualsSigns() {
        assertThat(TenantsFile.parse(List.of("a=" + CONTOSO + "=="), "t").tokensByTenant()).containsEntry("a", List.of(CONTOSO + "=="));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "contoso " + CONTOSO + "|tenants line 1: expected tenant=token",
        "=" + CONTOSO + "|tenants line 1: a tenant name",
        "bad name=" + CONTOSO + "|tenants line 1: a tenant name",
        "contoso=|tenants line 1: tenant contoso has no token",
        "contoso=short|tenants line 1: the value of tenant contoso has a token shorter than 16",
        "contoso=has space in it 0123456789|tenants line 1: the value of tenant contoso has a token with characters",
        "contoso=" + CONTOSO + ",|tenants line 1: the value of tenant contoso has an empty token",
        "contoso=sha256:abc|tenants line 1: the value of tenant contoso has a sha256: value that is not 64",
        "# only a comment|tenants: no tenant=token lines"
    })
    void malformedLinesAreRefusedByLineNumberWithoutTheToken(String line, String message) {
        assertThatThrownBy(() -> TenantsFile.parse(List.of(line), "tenants"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(CONTOSO));
    }

    @Test
    void duplicateTenantsAndSharedTokensAreRefused() {
        assertThatThrownBy(() -> TenantsFile.parse(List.of("contoso=" + CONTOSO, "CONTOSO=" + FABRIKAM), "t"))
                .hasMessageContaining("t line 2: tenant CONTOSO is listed twice");
        assertThatThrownBy(() -> TenantsFile.parse(List.of("contoso=" + CONTOSO, "fabrikam=" + CONTOSO), "t"))
                .hasMessageContaining("t line 2: tenant fabrikam repeats a token")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(CONTOSO));
        String hash = io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(CONTOSO);
        assertThatThrownBy(() -> TenantsFile.parse(List.of("contoso=" + CONTOSO, "fabrikam=sha256:" + hash), "t"))
                .as("a token and its hash are the same token")
                .hasMessageContaining("t line 2: tenant fabrikam repeats a token")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(hash));
        assertThatThrownBy(() -> TenantsFile.parse(List.of("contoso=" + CONTOSO + "," + CONTOSO), "t"))
                .hasMessageContaining("t line 1: tenant contoso repeats a token");
    }

    @Test
    void aTenantMayHaveSeveralTokensAndHashesForRotation() {
        String hash = io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(FABRIKAM).toUpperCase(java.util.Locale.ROOT);
        TenantsFile file = TenantsFile.parse(List.of("contoso = " + CONTOSO + " , sha256:" + hash), "tenants");
        assertThat(file.tokensByTenant()).containsExactly(
                java.util.Map.entry("contoso", List.of(CONTOSO, "sha256:" + hash)));
        assertThat(file.toString()).doesNotContain(CONTOSO).doesNotContain(hash);
    }

    @Test
    void aWorldReadableFileGivesAWarning(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tenants"), "contoso=" + CONTOSO + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(TenantsFile.read(file).warnings()).singleElement().asString().contains("readable by every local user");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(TenantsFile.read(file).warnings()).isEmpty();
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> TenantsFile.read(dir.resolve("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read tenants file");
    }
}
