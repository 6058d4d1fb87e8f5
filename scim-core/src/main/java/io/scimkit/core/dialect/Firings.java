package io.scimkit.core.dialect;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules switched on for one normalisation call, and the ones that changed the request. A rule
 * fires at most once per call, however many values it rewrote. Not thread-safe; one per call.
 */
final class Firings {
    private final Set<DialectRule> enabled;
    private final EnumSet<DialectRule> fired = EnumSet.noneOf(DialectRule.class);

    Firings(Set<DialectRule> enabled) {
        this.enabled = enabled;
    }

    /** A record for another pass with the same rules switched on and none fired yet. */
    Firings fresh() {
        return new Firings(enabled);
    }

    /** Whether the rule is switched on. */
    boolean on(DialectRule rule) {
        return enabled.contains(rule);
    }

    /** Records that the rule changed (or, for an engine flag, recognised) part of the request. */
    void fire(DialectRule rule) {
        fired.add(rule);
    }

    /** The rules that fired, in declaration order. */
    Set<DialectRule> fired() {
        return fired;
    }
}
