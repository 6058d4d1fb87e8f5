package io.scimkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 9865 cursors sealed with {@link CursorSeal}: C-PAG-02 (characters), C-PAG-07 and C-PAG-17 (tampering, other queries). */
class CursorSealTest {
    private static final CursorSeal SEAL = CursorSeal.random();

    @Test
    void opensWhatItSealedForTheSameQuery() {
        String cursor = SEAL.seal("tenant|User|userName sw \"a\"", "1|42|k");
        assertThat(SEAL.open(cursor, "tenant|User|userName sw \"a\"")).isEqualTo("1|42|k");
    }

    @Test
    void cursorsUseOnlyUnreservedCharacters() {
        String cursor = SEAL.seal("q", "ünïcode|payload|with spaces");
        assertThat(cursor).matches("[A-Za-z0-9._~-]+");
    }

    @Test
    void refusesEverySingleCharacterChange() {
        String cursor = SEAL.seal("q", "1|7|1700000000");
        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : new char[] {'A', 'f', '0', '-', '_', '.'}) {
                if (cursor.charAt(i) == replacement) {
                    continue;
                }
                String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                assertThatThrownBy(() -> SEAL.open(tampered, "q")).as(tampered)
                        .isInstanceOfSatisfying(ScimException.class,
                                e -> assertThat(e.scimType()).hasValue(ScimErrorType.INVALID_CURSOR));
            }
        }
    }

    @Test
    void refusesAnotherQueryAnotherKeyAndGarbage() {
        String cursor = SEAL.seal("tenant-a|User", "1|7");
        for (String[] attempt : new String[][] {
                {cursor, "tenant-b|User"}, {CursorSeal.random().seal("tenant-a|User", "1|7"), "tenant-a|User"},
                {"", "q"}, {".", "q"}, {"a.b.c", "q"}, {"!!!.???", "q"}}) {
            assertThatThrownBy(() -> SEAL.open(attempt[0], attempt[1])).as(attempt[0])
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType()).hasValue(ScimErrorType.INVALID_CURSOR));
        }
    }

    @Test
    void aSharedSecretLetsTwoInstancesReadEachOthersCursors() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String cursor = CursorSeal.withSecret(secret).seal("q", "payload");
        assertThat(CursorSeal.withSecret(secret).open(cursor, "q")).isEqualTo("payload");
    }
}
