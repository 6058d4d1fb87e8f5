package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.store.StoreContext;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens (RFC 6750 §2.1, RFC 7644 §2 and §7.4; digest P-GEN-11, P-GEN-15). */
class BearerTokenAuthenticatorTest {
    private static final String CONTOSO = "contoso-token-0123456789abcdef";
    private static final String FABRIKAM = "fabrikam-token-fedcba9876543210";
    private static final String ROTATED = "contoso-rotated-AAAABBBBCCCCDDDD==";

    private final BearerTokenAuthenticator authenticator = BearerTokenAuthenticator.builder()
            .token("contoso", CONTOSO)
            .token("fabrikam", FABRIKAM)
            .token("contoso", ROTATED)
            .build();

    static Stream<Arguments> acceptedHeaders() {
        return Stream.of(
                Arguments.of("Bearer " + CONTOSO, "contoso"),
                Arguments.of("bearer " + CONTOSO, "contoso"),
                Arguments.of("BEARER " + CONTOSO, "contoso"),
                Arguments.of("Bearer   " + CONTOSO + "  ", "contoso"),
                Arguments.of("Bearer " + FABRIKAM, "fabrikam"),
                Arguments.of("Bearer " + ROTATED, "contoso"));
    }

    @ParameterizedTest(name = "{0} -> tenant {1}")
    @MethodSource("acceptedHeaders")
    void acceptsEachTokenAsItsTenant(String authorization, String tenant) {
        AuthResult result = authenticator.authenticate(HttpHeaders.of("Authorization", authorization));
        assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
        ScimPrincipal principal = ((AuthResult.Authenticated) result).principal();
        assertThat(principal.tenant()).isEqualTo(tenant);
        assertThat(principal.name()).doesNotContain(CONTOSO).doesNotContain(FABRIKAM).doesNotContain(ROTATED);
    }

    @Test
    void headerNameIsCaseInsensitive() {
        assertThat(authenticator.authenticate(HttpHeaders.of("authorization", "Bearer " + CONTOSO)))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    static Stream<Arguments> refusedHeaders() {
        return Stream.of(
                Arguments.of(List.of(), "authentication required"),
                Arguments.of(List.of(""), "malformed"),
                Arguments.of(List.of("Bearer"), "malformed"),
                Arguments.of(List.of("Bearer "), "malformed"),
                Arguments.of(List.of("Bearer    "), "malformed"),
                Arguments.of(List.of(CONTOSO), "malformed"),
                Arguments.of(List.of("Basic " + CONTOSO), "malformed"),
                Arguments.of(List.of("Token " + CONTOSO), "malformed"),
                Arguments.of(List.of("Bearer" + CONTOSO), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO + " " + CONTOSO), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO + ", Bearer " + FABRIKAM), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO + "\t"), "authenticated-by-strip"),
                Arguments.of(List.of("Bearer \"" + CONTOSO + "\""), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO, "Bearer " + CONTOSO), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO, "Bearer " + FABRIKAM), "malformed"),
                Arguments.of(List.of("Bearer =" + CONTOSO), "malformed"),
                Arguments.of(List.of("Bearer " + CONTOSO.toUpperCase(java.util.Locale.ROOT)), "invalid"),
                Arguments.of(List.of("Bearer " + CONTOSO + "x"), "invalid"),
                Arguments.of(List.of("Bearer " + CONTOSO.substring(1)), "invalid"),
                Arguments.of(List.of("Bearer " + CONTOSO.substring(0, CONTOSO.length() - 1)), "invalid"),
                Arguments.of(List.of("Bearer x"), "invalid"));
    }

    @ParameterizedTest(name = "Authorization {0} -> {1}")
    @MethodSource("refusedHeaders")
    void refusesMissingMalformedAndUnknownCredentialsWithoutEchoingThem(List<String> values, String expected) {
        AuthResult result = authenticator.authenticate(HttpHeaders.of(Map.of("Authorization", values)));
        if (expected.equals("authenticated-by-strip")) {
            // Surrounding whitespace is not part of a header value (RFC 9110 §5.5).
            assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
            return;
        }
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        String detail = ((AuthResult.Refused) result).detail();
        assertThat(detail).containsIgnoringCase(expected);
        assertThat(detail).doesNotContain("0123456789").doesNotContain("fedcba").doesNotContain("AAAABBBB");
    }

    @Test
    void tokensOfEveryLengthAreComparedAsFixedLengthDigests() {
        // What makes the comparison independent of the presented token: whatever its length, only a
        // 32-byte SHA-256 digest reaches MessageDigest.isEqual.
        Random random = new Random(20240607L);
        for (int length = 0; length < 2048; length += 1 + random.nextInt(7)) {
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < length; i++) {
                token.append((char) ('a' + random.nextInt(26)));
            }
            assertThat(BearerTokenAuthenticator.digest(token.toString())).hasSize(32);
        }
        assertThat(BearerTokenAuthenticator.digest(CONTOSO)).isNotEqualTo(BearerTokenAuthenticator.digest(FABRIKAM));
    }

    @Test
    void nearMissesAreRefusedLikeAnyOtherWrongToken() {
        // Seeded: variations of a real token at every position are all refused with one and the same
        // detail, so a caller learns nothing from how close its guess was.
        Random random = new Random(7644L);
        String expected = refusalDetail("Bearer completely-different-token-zzzz");
        for (int position = 0; position < CONTOSO.length(); position++) {
            char replacement = "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
            if (replacement == CONTOSO.charAt(position)) {
                continue;
            }
            String guess = CONTOSO.substring(0, position) + replacement + CONTOSO.substring(position + 1);
            assertThat(refusalDetail("Bearer " + guess)).isEqualTo(expected);
            assertThat(refusalDetail("Bearer " + CONTOSO.substring(0, position) + "x".repeat(1 + position)))
                    .isEqualTo(expected);
            if (position < CONTOSO.length() - 1) {
                assertThat(refusalDetail("Bearer " + CONTOSO.substring(0, position + 1))).isEqualTo(expected);
            }
        }
    }

    @Test
    void toStringNamesTenantsButNoSecret() {
        String text = authenticator.toString();
        assertThat(text).contains("contoso").contains("fabrikam").contains("tokens=3");
        assertThat(text).doesNotContain(CONTOSO).doesNotContain(FABRIKAM).doesNotContain(ROTATED)
                .doesNotContain("0123456789");
    }

    @Test
    void singleTenantMapsToTheDefaultTenant() {
        BearerTokenAuthenticator single = BearerTokenAuthenticator.singleTenant(CONTOSO);
        AuthResult result = single.authenticate(HttpHeaders.of("Authorization", "Bearer " + CONTOSO));
        assertThat(((AuthResult.Authenticated) result).principal().tenant()).isEqualTo(StoreContext.DEFAULT_TENANT);
        assertThat(single.authenticate(HttpHeaders.of("Authorization", "Bearer " + FABRIKAM)))
                .isInstanceOf(AuthResult.Refused.class);
    }

    @ParameterizedTest(name = "token \"{0}\" is rejected at configuration")
    @ValueSource(strings = {"", "short-token", "fifteen-chars-x", "has space in it 12345", "quote\"0123456789abcdef",
            "0123456789abcdef=x", "=0123456789abcdef", "nön-ascii-0123456789"})
    void configurationRejectsWeakOrUnsendableTokensWithoutEchoingThem(String token) {
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().token("t", token))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(failure -> {
                    if (!token.isEmpty()) {
                        assertThat(failure.getMessage()).doesNotContain(token);
                    }
                });
    }

    @Test
    void configurationRejectsTheSameTokenTwiceAndEmptyTenants() {
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().token("a", CONTOSO).token("b", CONTOSO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice").hasMessageNotContaining(CONTOSO);
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().token("", CONTOSO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sixteenCharactersAreEnough() {
        String token = "0123456789abcdef";
        assertThat(BearerTokenAuthenticator.singleTenant(token)
                .authenticate(HttpHeaders.of("Authorization", "Bearer " + token)))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    private String refusalDetail(String authorization) {
        AuthResult result = authenticator.authenticate(HttpHeaders.of("Authorization", authorization));
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        return ((AuthResult.Refused) result).detail();
    }

    /** RFC 6750 §2.1 b64token, the grammar the hand-written check must agree with on every input. */
    private static final java.util.regex.Pattern B64TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @ParameterizedTest
    @ValueSource(strings = {"", "=", "==", "a", "a=", "a==", "a=b", "=a", "abc-._~+/XYZ09", "a b", "a\u00e9", "a,b",
            "a\"b", "%41", "a=="})
    void b64TokenCheckAgreesWithTheRfc6750Grammar(String text) {
        assertThat(BearerTokenAuthenticator.isB64Token(text)).isEqualTo(B64TOKEN.matcher(text).matches());
    }

    @Test
    void b64TokenCheckAgreesWithTheRfc6750GrammarOnRandomText() {
        Random random = new Random(6750);
        String alphabet = "aZ09-._~+/= ,;\"%\u00e9\t:@";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(BearerTokenAuthenticator.isB64Token(candidate)).as(candidate)
                    .isEqualTo(B64TOKEN.matcher(candidate).matches());
        }
    }

    @Test
    void aStoredSha256HashAcceptsItsTokenAlongsideAPlainOne() {
        String next = "contoso-next-token-ZZZZYYYYXXXX";
        String hash = BearerTokenAuthenticator.sha256Hex(next);
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}")
                // SHA-256 of "abc", FIPS 180-2 appendix B.1
                .isNotEqualTo(BearerTokenAuthenticator.sha256Hex("abc"));
        assertThat(BearerTokenAuthenticator.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        BearerTokenAuthenticator rotating = BearerTokenAuthenticator.builder()
                .token("contoso", CONTOSO)
                .tokenSha256("contoso", hash.toUpperCase(java.util.Locale.ROOT))
                .build();
        for (String token : List.of(CONTOSO, next)) {
            AuthResult result = rotating.authenticate(HttpHeaders.of("Authorization", "Bearer " + token));
            assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
            assertThat(((AuthResult.Authenticated) result).principal().tenant()).isEqualTo("contoso");
        }
        assertThat(rotating.authenticate(HttpHeaders.of("Authorization", "Bearer " + hash)))
                .as("the hash itself is not a token").isInstanceOf(AuthResult.Refused.class);
        assertThat(rotating.toString()).contains("tokens=2").doesNotContain(hash).doesNotContain(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00"})
    void aMalformedHashIsRefusedWithoutEchoingIt(String hash) {
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().tokenSha256("contoso", hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hexadecimal digits")
                .satisfies(e -> assertThat(hash.isEmpty() || !e.getMessage().contains(hash)).isTrue());
    }

    @Test
    void aHashOfAnAlreadyConfiguredTokenIsRefused() {
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().token("contoso", CONTOSO)
                .tokenSha256("fabrikam", BearerTokenAuthenticator.sha256Hex(CONTOSO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configured twice")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CONTOSO)
                        .doesNotContain(BearerTokenAuthenticator.sha256Hex(CONTOSO)));
    }

    @Test
    void aConfigurationValueMayListTokensAndHashes() {
        String next = "contoso-next-token-ZZZZYYYYXXXX";
        BearerTokenAuthenticator configured = BearerTokenAuthenticator.builder()
                .configuredTokens("contoso", CONTOSO + " , SHA256:" + BearerTokenAuthenticator.sha256Hex(next))
                .configuredTokens("fabrikam", FABRIKAM)
                .build();
        assertThat(configured.toString()).contains("tokens=3");
        for (String token : List.of(CONTOSO, next)) {
            assertThat(configured.authenticate(HttpHeaders.of("Authorization", "Bearer " + token)))
                    .isInstanceOfSatisfying(AuthResult.Authenticated.class,
                            known -> assertThat(known.principal().tenant()).isEqualTo("contoso"));
        }
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().configuredTokens("contoso", CONTOSO + ","))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().configuredTokens("contoso", "sha256:" + CONTOSO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hexadecimal")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CONTOSO));
    }
}
