package io.scimkit.core.protocol;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed filters (RFC 7644 §3.4.2.2) by their text, for one service (identity providers such as
 * Entra ID send the same few filters over and over). A small least-recently-used map behind a lock: a
 * parse costs far more than the lock. Only successful parses are kept, and only of filters up to
 * {@link #MAX_CACHED_LENGTH} characters, so a client cannot fill memory with long one-off filters.
 * Thread-safe.
 */
final class FilterCache {
    /** How many filters are kept. */
    static final int CAPACITY = 512;
    /** The longest filter text kept; Entra's lookups are far shorter. */
    static final int MAX_CACHED_LENGTH = 1024;

    private final FilterSettings settings;
    private final Map<String, Filter> filters = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Filter> eldest) {
            return size() > CAPACITY;
        }
    };

    FilterCache(FilterSettings settings) {
        this.settings = settings;
    }

    /**
     * The filter this text parses to under the service's settings.
     *
     * @throws io.scimkit.core.error.ScimException 400 {@code invalidFilter} if it does not parse,
     *     is longer than the maximum length or nested deeper than the maximum depth
     */
    Filter parse(String text) {
        if (text.length() > MAX_CACHED_LENGTH) {
            return FilterParser.parse(text, settings);
        }
        synchronized (filters) {
            Filter cached = filters.get(text);
            if (cached != null) {
                return cached;
            }
        }
        Filter parsed = FilterParser.parse(text, settings);
        synchronized (filters) {
            filters.put(text, parsed);
        }
        return parsed;
    }

    /** How many filters are cached now (for tests). */
    int size() {
        synchronized (filters) {
            return filters.size();
        }
    }
}
