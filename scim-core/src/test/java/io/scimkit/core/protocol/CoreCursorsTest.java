package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The core's own cursors (RFC 9865 §2; digest C-PAG-02, C-PAG-07, C-PAG-09, C-PAG-17). */
class CoreCursorsTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final CoreCursors cursors = new CoreCursors(Duration.ofMinutes(10));

    private ScimErrorType failure(String cursor, String query, Instant now) {
        return catchThrowableOfType(ScimException.class, () -> cursors.offset(cursor, query, now))
                .scimType().orElseThrow();
    }

    @Test
    void roundTripsTheOffsetAndUsesUnreservedCharactersOnly_CPAG02() {
        for (int offset : new int[] {0, 1, 40, 123_456, Integer.MAX_VALUE}) {
            String cursor = cursors.issue(offset, 10, "q", NOW);
            assertThat(cursor).matches("[A-Za-z0-9._~-]+");
            assertThat(cursors.offset(cursor, "q", NOW.plusSeconds(599))).isEqualTo(offset);
        }
        assertThat(cursors.offset(null, "q", NOW)).isZero();
    }

    @Test
    void everySingleCharacterChangeIsInvalidCursor_CPAG07() {
        String cursor = cursors.issue(80, 10, "q", NOW);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Random random = new Random(9865);
        for (int i = 0; i < cursor.length(); i++) {
            char replacement;
            do {
                replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            } while (replacement == cursor.charAt(i));
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertThat(failure(tampered, "q", NOW)).as(tampered).isEqualTo(ScimErrorType.INVALID_CURSOR);
        }
    }

    @Test
    void cursorOfAnotherQueryOrServiceIsInvalidCursor_CPAG09_CPAG17() {
        String cursor = cursors.issue(10, 10, "tenant-a users", NOW);
        assertThat(failure(cursor, "tenant-b users", NOW)).isEqualTo(ScimErrorType.INVALID_CURSOR);
        CoreCursors otherService = new CoreCursors(Duration.ofMinutes(10));
        assertThat(catchThrowableOfType(ScimException.class,
                () -> otherService.offset(cursor, "tenant-a users", NOW)).scimType())
                .contains(ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void malformedCursorIsInvalidCursor() {
        for (String bad : new String[] {"", "!", "AAAA", "a.b", "x".repeat(500)}) {
            assertThat(failure(bad, "q", NOW)).as(bad).isEqualTo(ScimErrorType.INVALID_CURSOR);
        }
    }

    @Test
    void cursorOlderThanTheTimeoutIsExpiredCursor() {
        String cursor = cursors.issue(10, 10, "q", NOW);
        assertThat(failure(cursor, "q", NOW.plus(Duration.ofMinutes(10)).plusSeconds(1)))
                .isEqualTo(ScimErrorType.EXPIRED_CURSOR);
    }
}
