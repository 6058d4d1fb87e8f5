package io.scimkit.core.dialect;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchSettings;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The client dialect a SCIM service provider speaks: a set of
 * {@link DialectRule}s that rewrite what real clients send (Microsoft Entra ID provisioning with
 * and without {@code aadOptscim062020}, the SCIM Validator, Okta) into the form RFC 7643/7644
 * defines, before the PATCH engine and the validator run, plus the PATCH-engine and filter-parser
 * flags for the quirks that can only be handled there. The Entra ID quirks ({@code Q1}…) are
 * described in {@code docs/entra-quirks.md}.
 *
 * <p>{@link #lenient()} (the default) has every rule; {@link #strict()} has none, so each quirk
 * reaches the engine unchanged and is rejected with the precise RFC error. Rules are switched
 * individually: {@code ClientDialect.lenient().without("manager-bare-string")}.
 *
 * <p>Typical use on a request: {@code normalizePatch} after the codec read the body and before
 * {@code PatchEngine.of(registry, type, dialect.patchSettings())} applies it; {@code normalizeResource}
 * on POST and PUT bodies before validation; {@code normalizeFilter} on a query filter once the
 * resource type is known, before it is compiled or handed to a store; {@code requestBody} on a body
 * whose {@code Content-Type} declares a charset other than UTF-8. Each call counts the rules that
 * changed the request in
 * {@link #stats()} and logs them at debug level (names only, never values).
 *
 * <p>Immutable and thread-safe; the statistics belong to this instance ({@code with}/{@code without}
 * return a new dialect with fresh statistics).
 */
public final class ClientDialect {
    private final Set<DialectRule> rules;
    private final FilterSettings filterSettings;
    private final PatchSettings patchSettings;
    private final DialectStats stats;
    private final PathPlans pathPlans;
    private final @Nullable Consumer<DialectRule> listener;

    private ClientDialect(Set<DialectRule> rules) {
        EnumSet<DialectRule> copy = EnumSet.noneOf(DialectRule.class);
        copy.addAll(rules);
        this.rules = Collections.unmodifiableSet(copy);
        this.filterSettings = buildFilterSettings();
        this.patchSettings = buildPatchSettings();
        this.stats = new DialectStats();
        this.pathPlans = new PathPlans();
        this.listener = null;
    }

    /** A view of {@code shared} (same rules, settings and statistics) that also tells the listener. */
    private ClientDialect(ClientDialect shared, Consumer<DialectRule> listener) {
        this.rules = shared.rules;
        this.filterSettings = shared.filterSettings;
        this.patchSettings = shared.patchSettings;
        this.stats = shared.stats;
        this.pathPlans = shared.pathPlans;
        this.listener = listener;
    }

    /** RFC 7643/7644 only: no rule is on. */
    public static ClientDialect strict() {
        return new ClientDialect(EnumSet.noneOf(DialectRule.class));
    }

    /** The default: every rule is on, so every documented Entra, SCIM Validator and Okta shape is accepted. */
    public static ClientDialect lenient() {
        return new ClientDialect(EnumSet.allOf(DialectRule.class));
    }

    /** A dialect with exactly these rules. */
    public static ClientDialect of(Collection<DialectRule> rules) {
        return builder().with(rules.toArray(DialectRule[]::new)).build();
    }

    /** A builder starting from no rules. */
    public static Builder builder() {
        return new Builder(EnumSet.noneOf(DialectRule.class));
    }

    /** A builder starting from this dialect's rules. */
    public Builder toBuilder() {
        EnumSet<DialectRule> copy = EnumSet.noneOf(DialectRule.class);
        copy.addAll(rules);
        return new Builder(copy);
    }

    /** A copy with these rules also on. */
    public ClientDialect with(DialectRule... more) {
        return toBuilder().with(more).build();
    }

    /**
     * A copy with the rules of these ids also on.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public ClientDialect with(String... ids) {
        return toBuilder().with(ids).build();
    }

    /** A copy with these rules off. */
    public ClientDialect without(DialectRule... fewer) {
        return toBuilder().without(fewer).build();
    }

    /**
     * A copy with the rules of these ids off.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public ClientDialect without(String... ids) {
        return toBuilder().without(ids).build();
    }

    /** The rules that are on, in declaration order. */
    public Set<DialectRule> rules() {
        return rules;
    }

    /** Whether the rule is on. */
    public boolean isOn(DialectRule rule) {
        return rules.contains(rule);
    }

    /**
     * The PATCH request rewritten into RFC 7644 §3.5.2 form for a resource of this type. The
     * message {@code schemas} are kept; operations may be rewritten, split (quirk Q3) or turned
     * into removals (Q9, Okta). Shapes no rule recognises pass unchanged, so the engine reports
     * them. Never throws for client input.
     */
    public PatchRequest normalizePatch(PatchRequest request, ResourceType type, SchemaRegistry registry) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(registry, "registry");
        Firings firings = new Firings(rules);
        List<PatchOperation> operations =
                new PatchNormalizer(registry, type, filterSettings, firings, pathPlans).normalize(request.operations());
        // A request no rule changed is returned as is (RFC-form clients pay no copy).
        PatchRequest normalized = operations == request.operations() ? request : request.withOperations(operations);
        record(firings, "PATCH request");
        return normalized;
    }

    /**
     * The {@code data} of a Bulk PATCH operation (RFC 7644 §3.7) in RFC form: with rule
     * {@link DialectRule#BULK_PATCH_BARE_ARRAY} a bare array of operations (the shape of the RFC's malformed example) becomes the
     * PatchOp message {@code {"schemas":[PatchOp URN],"Operations":[...]}}; anything else passes
     * unchanged, for the PATCH endpoint to judge.
     */
    public ScimValue normalizeBulkPatchData(ScimValue data) {
        Objects.requireNonNull(data, "data");
        Firings firings = new Firings(rules);
        ScimValue normalized = data;
        if (data instanceof MultiValue operations && firings.on(DialectRule.BULK_PATCH_BARE_ARRAY)) {
            firings.fire(DialectRule.BULK_PATCH_BARE_ARRAY);
            normalized = ComplexValue.builder()
                    .put("schemas", MultiValue.of(StringValue.of(PatchRequest.PATCH_OP_URN)))
                    .put("Operations", operations)
                    .build();
        }
        record(firings, "Bulk PATCH operation");
        return normalized;
    }

    /**
     * A POST or PUT body (RFC 7644 §3.3, §3.5.1) rewritten into RFC 7643 form for this resource
     * type. Never throws for client input; what no rule recognises is left to validation.
     */
    public ScimResource normalizeResource(ScimResource body, ResourceType type, SchemaRegistry registry) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(registry, "registry");
        Firings firings = new Firings(rules);
        ScimResource normalized = new BodyNormalizer(registry, type, firings).normalize(body);
        record(firings, "resource body");
        return normalized;
    }

    /**
     * A query filter (RFC 7644 §3.4.2.2) for resources of this type with the rules that need the
     * schema applied ({@link DialectRule#FILTER_STRING_OPERANDS}); call it after parsing with
     * {@link #filterSettings()} and before compiling or handing the filter to a store. A filter no
     * rule changed is returned as the same instance. Never throws for client input: a path the type
     * does not define is left for the evaluator to report.
     */
    public Filter normalizeFilter(Filter filter, ResourceType type, SchemaRegistry registry) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(registry, "registry");
        if (!isOn(DialectRule.FILTER_STRING_OPERANDS)) {
            return filter;
        }
        Filter normalized = FilterLiterals.inResource(filter, registry, type);
        if (normalized != filter) {
            Firings firings = new Firings(rules);
            firings.fire(DialectRule.FILTER_STRING_OPERANDS);
            record(firings, "filter");
        }
        return normalized;
    }

    /**
     * A request body as UTF-8 bytes (RFC 7644 §3.8) when its {@code Content-Type} declares this
     * {@code charset}, or empty if it cannot be read as declared (the caller answers 415). Every
     * dialect decodes a charset the JVM knows; with {@link DialectRule#DECLARED_REQUEST_CHARSET} a
     * valid UTF-8 body under an ASCII-compatible or unknown label is read as UTF-8.
     *
     * @param charset the parameter's value as sent, without quotes, e.g. {@code ISO-8859-1}
     */
    public Optional<byte[]> requestBody(byte[] body, String charset) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charset, "charset");
        Firings firings = new Firings(rules);
        Optional<byte[]> read = RequestCharsets.read(body, charset, firings);
        record(firings, "request body");
        return read;
    }

    /**
     * The PATCH engine settings for this dialect: {@link PatchSettings#strict()} with each field
     * taken from {@link PatchSettings#lenient()} where the matching rule is on (Q4, Q6, Q12 and
     * the filter rules).
     */
    public PatchSettings patchSettings() {
        return patchSettings;
    }

    /** The filter parser settings for this dialect (Q20, single quotes), from the strict and lenient presets. */
    public FilterSettings filterSettings() {
        return filterSettings;
    }

    /**
     * This dialect for one request: the same rules, settings and {@link #stats()}, and each rule that
     * changes the request is also passed to {@code fired} (once per normalisation call, so a rule may
     * be passed more than once per request). The service uses it to tell a
     * {@link io.scimkit.core.protocol.RequestObserver} which rules fired for a request.
     */
    public ClientDialect reportingTo(Consumer<DialectRule> fired) {
        return new ClientDialect(this, Objects.requireNonNull(fired, "fired"));
    }

    /** How often each rule fired on this instance. */
    public DialectStats stats() {
        return stats;
    }

    /** Shorthand for {@code stats().firings()}: counts by rule id, rules that never fired left out. */
    public Map<String, Long> firings() {
        return stats.firings();
    }

    private void record(Firings firings, String what) {
        stats.record(firings, what);
        if (listener != null) {
            firings.fired().forEach(listener);
        }
    }

    @Override
    public String toString() {
        return "ClientDialect" + rules.stream().map(DialectRule::id).toList();
    }

    private FilterSettings buildFilterSettings() {
        FilterSettings strict = FilterSettings.strict();
        FilterSettings lenient = FilterSettings.lenient();
        return new FilterSettings(
                (isOn(DialectRule.VALUE_PATH_SUB_ATTRIBUTE_FILTER) ? lenient : strict).valuePathSubAttribute(),
                (isOn(DialectRule.SINGLE_QUOTED_FILTER_STRINGS) ? lenient : strict).singleQuotedStrings(),
                strict.maxLength(), strict.maxDepth());
    }

    private PatchSettings buildPatchSettings() {
        PatchSettings strict = PatchSettings.strict();
        PatchSettings lenient = PatchSettings.lenient();
        return new PatchSettings(filterSettings,
                (isOn(DialectRule.UNKNOWN_ATTRIBUTES_IGNORED) ? lenient : strict).unknownAttributes(),
                (isOn(DialectRule.UPSERT_ON_UNMATCHED_FILTER) ? lenient : strict).upsertUnmatchedValueFilter(),
                (isOn(DialectRule.REMOVE_MEMBERS_BY_VALUE) ? lenient : strict).removeWithValueRemovesListed());
    }

    /** Collects rules for a {@link ClientDialect}. Not thread-safe. */
    public static final class Builder {
        private final EnumSet<DialectRule> rules;

        private Builder(EnumSet<DialectRule> rules) {
            this.rules = rules;
        }

        /** Switches these rules on. */
        public Builder with(DialectRule... more) {
            for (DialectRule rule : more) {
                rules.add(Objects.requireNonNull(rule, "rule"));
            }
            return this;
        }

        /** Switches the rules of these ids on. */
        public Builder with(String... ids) {
            for (String id : ids) {
                rules.add(DialectRule.named(id));
            }
            return this;
        }

        /** Switches these rules off. */
        public Builder without(DialectRule... fewer) {
            for (DialectRule rule : fewer) {
                rules.remove(Objects.requireNonNull(rule, "rule"));
            }
            return this;
        }

        /** Switches the rules of these ids off. */
        public Builder without(String... ids) {
            for (String id : ids) {
                rules.remove(DialectRule.named(id));
            }
            return this;
        }

        /** The dialect with the rules collected so far. */
        public ClientDialect build() {
            return new ClientDialect(rules);
        }
    }
}
