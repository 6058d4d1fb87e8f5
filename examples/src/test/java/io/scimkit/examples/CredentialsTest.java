package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.jaxrs.AuthResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    private static final String TOKEN = "configured-token-0123456789";

    private static AuthResult call(Credentials credentials, String token) {
        return credentials.authenticator().authenticate(HttpHeaders.of("Authorization", "Bearer " + token));
    }

    @Test
    void aConfiguredTokenIsAcceptedAndNeverPrinted() {
        Credentials credentials = Credentials.from(ServerOptions.defaults()
                .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")), new SecureRandom());
        assertThat(call(credentials, TOKEN)).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(call(credentials, TOKEN + "x")).isInstanceOf(AuthResult.Refused.class);
        assertThat(String.join("\n", credentials.startupLines())).contains("from SCIM_TOKEN").doesNotContain(TOKEN);
    }

    @Test
    void withoutATokenOneIsGeneratedAcceptedAndPrintedOnce() {
        Credentials credentials = Credentials.from(ServerOptions.defaults(), new SecureRandom());
        String printed = String.join("\n", credentials.startupLines());
        String generated = credentials.startupLines().get(1).strip();
        assertThat(generated).matches("[A-Za-z0-9_-]{43}");
        assertThat(printed.indexOf(generated)).isEqualTo(printed.lastIndexOf(generated));
        assertThat(call(credentials, generated)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void generatedTokensDiffer() {
        SecureRandom random = new SecureRandom();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(Credentials.generateToken(random));
        }
        assertThat(tokens).hasSize(100);
    }

    @Test
    void aTenantsFileMapsEachTokenToItsTenant(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tenants"), "contoso=contoso-token-0123456789\nfabrikam=fabrikam-token-0123456789\n");
        Credentials credentials = Credentials.from(ServerOptions.defaults().withTenantsFile(file), new SecureRandom());
        assertThat(call(credentials, "fabrikam-token-0123456789")).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                known -> assertThat(known.principal().tenant()).isEqualTo("fabrikam"));
        assertThat(String.join("\n", credentials.startupLines())).contains("contoso, fabrikam")
                .doesNotContain("token-0123456789");
    }

    @Test
    void aTokenAndATenantsFileExcludeEachOther(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tenants"), "contoso=contoso-token-0123456789\n");
        assertThatThrownBy(() -> Credentials.from(ServerOptions.defaults().withTenantsFile(file)
                .withToken(new ConfiguredToken(TOKEN, "from --token")), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclude each other")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void aTenantsFileMayHoldHashesAndTwoTokensPerTenantForRotation(@TempDir Path dir) throws IOException {
        String next = "contoso-next-token-0123456789";
        Path file = Files.writeString(dir.resolve("tenants"), "contoso=sha256:"
                + io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex("contoso-token-0123456789") + ",sha256:"
                + io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(next) + "\nfabrikam=fabrikam-token-0123456789\n");
        Credentials credentials = Credentials.from(ServerOptions.defaults().withTenantsFile(file), new SecureRandom());
        for (String token : java.util.List.of("contoso-token-0123456789", next)) {
            assertThat(call(credentials, token)).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                    known -> assertThat(known.principal().tenant()).isEqualTo("contoso"));
        }
        assertThat(call(credentials, "fabrikam-token-0123456789")).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(String.join("\n", credentials.startupLines())).contains("contoso (2 tokens), fabrikam")
                .doesNotContain("token-0123456789").doesNotContain("sha256");
    }

    @Test
    void theConfiguredTokenMayBeAHashOrTwoTokens() {
        String old = "configured-old-0123456789";
        Credentials credentials = Credentials.from(ServerOptions.defaults().withToken(new ConfiguredToken(
                old + ",sha256:" + io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(TOKEN), "from SCIM_TOKEN")),
                new SecureRandom());
        assertThat(call(credentials, TOKEN)).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(call(credentials, old)).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(String.join("\n", credentials.startupLines())).contains("2 tokens").doesNotContain(old);
        assertThatThrownBy(() -> Credentials.from(ServerOptions.defaults().withToken(
                new ConfiguredToken("sha256:12", "from SCIM_TOKEN")), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from SCIM_TOKEN");
    }
}
