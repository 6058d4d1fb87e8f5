package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.store.Versions;
import org.junit.jupiter.api.Test;

/** If-Match values against the store's version counter (RFC 7644 §3.14, weak comparison of RFC 7232 §2.3.2). */
class ExpectedVersionTest {
    @Test
    void noCheckWithoutAVersionOrWithTheWildcard() {
        assertThat(ResourceTable.expectedCounter(null)).isNull();
        assertThat(ResourceTable.expectedCounter(" * ")).isNull();
    }

    @Test
    void theTagsTheStoreIssuesNameTheirCounterWeakOrStrong() {
        assertThat(ResourceTable.expectedCounter(Versions.weak(7))).isEqualTo(7L);
        assertThat(ResourceTable.expectedCounter("\"7\"")).isEqualTo(7L);
        assertThat(ResourceTable.expectedCounter(" W/\"12\" ")).isEqualTo(12L);
    }

    @Test
    void otherTagsMatchNoRow() {
        for (String tag : new String[] {"W/\"07\"", "W/\"+7\"", "W/7", "W/\"x\"", "\"\"", "w/\"7\"", "W/\"7"}) {
            assertThat(ResourceTable.expectedCounter(tag)).as(tag).isEqualTo(-1L);
        }
    }
}
