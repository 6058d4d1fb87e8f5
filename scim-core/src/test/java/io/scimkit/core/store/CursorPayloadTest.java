package io.scimkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursor payloads of RFC 9865 §2 and their errors (§2.1; digest C-PAG-02, C-PAG-07, C-PAG-09, C-PAG-17). */
class CursorPayloadTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.250Z");
    private static final CursorSeal SEAL = CursorSeal.random();

    private static ScimErrorType failure(String cursor, String query, Instant now) {
        return catchThrowableOfType(ScimException.class, () -> CursorPayload.open(SEAL, cursor, query, now))
                .scimType().orElseThrow();
    }

    @Test
    void everyPositionSurvivesSealAndOpen_CPAG02() {
        List<CursorPayload.Position> positions = List.of(new CursorPayload.Offset(0),
                new CursorPayload.Offset(Long.MAX_VALUE), new CursorPayload.After(SortKey.missing(), "17"),
                new CursorPayload.After(SortKey.text("a|b", true), "id|with:colons"),
                new CursorPayload.Before(new SortKey.Numeric(new BigDecimal("2.5")), ""),
                new CursorPayload.Before(new SortKey.Time(Instant.EPOCH), "2819c223-7f76-453a-919d-413861904646"),
                new CursorPayload.After(new SortKey.Flag(true), "3:x"));
        for (CursorPayload.Position position : positions) {
            CursorPayload payload = CursorPayload.expiring(position, 25, NOW, Duration.ofMinutes(10));
            String cursor = payload.seal(SEAL, "tenant\nUsers");
            assertThat(cursor).matches("[A-Za-z0-9._~-]+");
            assertThat(CursorPayload.open(SEAL, cursor, "tenant\nUsers", NOW)).isEqualTo(payload);
        }
    }

    @Test
    void expiresToTheSecondAndIsExpiredCursorAfterwards() {
        CursorPayload payload = CursorPayload.expiring(new CursorPayload.Offset(5), 10, NOW, Duration.ofMinutes(10));
        assertThat(payload.expires()).isEqualTo(Instant.parse("2025-06-01T12:10:00Z"));
        String cursor = payload.seal(SEAL, "q");
        assertThat(CursorPayload.open(SEAL, cursor, "q", payload.expires()).position())
                .isEqualTo(new CursorPayload.Offset(5));
        assertThat(failure(cursor, "q", payload.expires().plusMillis(1))).isEqualTo(ScimErrorType.EXPIRED_CURSOR);
    }

    @Test
    void anotherCountIsInvalidCount_CPAG09() {
        CursorPayload payload = CursorPayload.expiring(new CursorPayload.Offset(5), 10, NOW, Duration.ofMinutes(1));
        assertThat(payload.requireCount(10)).isSameAs(payload);
        assertThat(catchThrowableOfType(ScimException.class, () -> payload.requireCount(11)).scimType())
                .contains(ScimErrorType.INVALID_COUNT);
    }

    @Test
    void anotherQueryAnotherSealOrAlteredCursorIsInvalidCursor_CPAG07_CPAG17() {
        String cursor = CursorPayload.expiring(new CursorPayload.After(SortKey.text("x", true), "1"), 10, NOW,
                Duration.ofMinutes(1)).seal(SEAL, "tenant-a");
        assertThat(failure(cursor, "tenant-b", NOW)).isEqualTo(ScimErrorType.INVALID_CURSOR);
        assertThat(catchThrowableOfType(ScimException.class,
                () -> CursorPayload.open(CursorSeal.random(), cursor, "tenant-a", NOW)).scimType())
                .contains(ScimErrorType.INVALID_CURSOR);
        String altered = cursor.substring(0, 3) + (cursor.charAt(3) == 'A' ? 'B' : 'A') + cursor.substring(4);
        assertThat(failure(altered, "tenant-a", NOW)).isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void sealedTextThatIsNotAPayloadIsInvalidCursor() {
        // Genuine seals around text no payload writes: the parser must not fail any other way.
        for (String text : List.of("", "p1", "p1|x|10|o1", "p1|99999999999|10|o-1", "p1|99999999999|-1|o1",
                "p1|99999999999|10|q1", "p1|99999999999|10|a5:ab", "p1|99999999999|10|a-1:x-",
                "p1|99999999999|10|a1:1zz", "p9|99999999999|10|o1", "p1|99999999999999999999|10|o1")) {
            assertThat(failure(SEAL.seal("q", text), "q", NOW)).as(text).isEqualTo(ScimErrorType.INVALID_CURSOR);
        }
    }
}
