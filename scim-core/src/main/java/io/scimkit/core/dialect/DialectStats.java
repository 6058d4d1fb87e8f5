package io.scimkit.core.dialect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often each rule of one {@link ClientDialect} has fired: the number of requests it changed
 * (or, for {@link DialectRule#REMOVE_MEMBERS_BY_VALUE}, recognised for the engine). Useful to see
 * which quirks a tenant's client really sends. Thread-safe; counters only grow.
 *
 * <p>Each firing is also logged at debug level with the rule's id and quirk, never with values:
 * PATCH values hold personal data.
 */
public final class DialectStats {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDialect.class);

    private final Map<DialectRule, LongAdder> counters;

    DialectStats() {
        EnumMap<DialectRule, LongAdder> map = new EnumMap<>(DialectRule.class);
        for (DialectRule rule : DialectRule.values()) {
            map.put(rule, new LongAdder());
        }
        this.counters = Collections.unmodifiableMap(map);
    }

    /** How often the rule fired. */
    public long firings(DialectRule rule) {
        return counters.get(rule).sum();
    }

    /** The count of every rule that fired at least once, keyed by rule id, in declaration order. */
    public Map<String, Long> firings() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((rule, counter) -> {
            long count = counter.sum();
            if (count > 0) {
                counts.put(rule.id(), count);
            }
        });
        return Collections.unmodifiableMap(counts);
    }

    /** Counts and logs the rules that fired during one call. */
    void record(Firings firings, String what) {
        for (DialectRule rule : firings.fired()) {
            counters.get(rule).increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug("client dialect rule {} ({}) applied to a {}", rule.id(), rule.quirk(), what);
            }
        }
    }
}
