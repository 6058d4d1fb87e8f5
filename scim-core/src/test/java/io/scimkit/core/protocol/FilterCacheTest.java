package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import org.junit.jupiter.api.Test;

/** The per-service cache of parsed filters (DESIGN.md §6). */
class FilterCacheTest {
    private final FilterCache cache = new FilterCache(FilterSettings.lenient());

    @Test
    void sameTextGivesTheSameParsedFilter() {
        Filter first = cache.parse("userName eq \"alice\"");
        assertThat(cache.parse("userName eq \"alice\"")).isSameAs(first);
        assertThat(first).isEqualTo(FilterParser.parse("userName eq \"alice\""));
    }

    @Test
    void staysBoundedAndKeepsRecentlyUsedFilters() {
        Filter hot = cache.parse("userName eq \"hot\"");
        for (int i = 0; i < FilterCache.CAPACITY * 2; i++) {
            cache.parse("userName eq \"u" + i + "\"");
            cache.parse("userName eq \"hot\"");
        }
        assertThat(cache.size()).isEqualTo(FilterCache.CAPACITY);
        assertThat(cache.parse("userName eq \"hot\"")).isSameAs(hot);
    }

    @Test
    void errorsAndLongFiltersAreNotKept() {
        assertThat(catchThrowableOfType(ScimException.class, () -> cache.parse("userName eq")).scimType())
                .contains(ScimErrorType.INVALID_FILTER);
        String longFilter = "userName eq \"" + "x".repeat(FilterCache.MAX_CACHED_LENGTH) + "\"";
        cache.parse(longFilter);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theSettingsLimitsApply() {
        FilterCache strict = new FilterCache(FilterSettings.strict().withMaxLength(10));
        assertThat(catchThrowableOfType(ScimException.class, () -> strict.parse("userName eq \"alice\"")).scimType())
                .contains(ScimErrorType.INVALID_FILTER);
    }
}
