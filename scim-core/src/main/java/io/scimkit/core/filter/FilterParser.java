package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.ScimValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses the {@code filter} query parameter (RFC 7644 §3.4.2.2) into a {@link Filter} AST. A
 * hand-written recursive-descent parser, one method per production of this grammar (the ABNF of
 * RFC 7644 Figure 1 with the precedence of its prose made explicit). Terminals in quotes ignore
 * case, as ABNF literals do; {@code true}, {@code false} and {@code null} come from JSON, which
 * spells them in lower case, but we accept any case here too:
 *
 * <pre>
 * Filter      := OrExpr
 * OrExpr      := AndExpr { WS "or"  WS AndExpr }            ; lowest precedence, left-associative
 * AndExpr     := NotExpr { WS "and" WS NotExpr }
 * NotExpr     := "not" [WS] Group                           ; "not(" (ABNF) and "not (" (RFC examples)
 *              | Primary
 * Primary     := Group | ValuePath | AttrExpr
 * Group       := "(" [WS] Filter [WS] ")"
 * ValuePath   := AttrPath "[" [WS] ValFilter [WS] "]"
 *                [ "." AttrName WS ( "pr" | CompareOp WS CompValue ) ]   ; lenient only (Entra quirk Q20)
 * ValFilter   := like Filter, except that AttrPath is a plain sub-attribute name of the
 *                bracketed attribute and no ValuePath nests inside
 * AttrExpr    := AttrPath WS "pr"
 *              | AttrPath WS CompareOp WS CompValue
 * CompareOp   := "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "lt" | "ge" | "le"
 * CompValue   := "true" | "false" | "null" | JsonNumber | JsonString   ; 'text' lenient only (RFC examples)
 * AttrPath    := [ SchemaUri ":" ] AttrName [ "." AttrName ]           ; one sub-attribute level
 * AttrName    := ALPHA { ALPHA | DIGIT | "-" | "_" | "$" } | "$ref"
 * SchemaUri   := everything up to the last ":" of the path (URNs contain ":" and ".")
 * WS          := 1*( SP | HTAB )                                       ; the ABNF has exactly one SP
 * </pre>
 *
 * <p>The lenient value-path form {@code emails[type eq "work"].value eq "x"} is read as
 * {@code emails[type eq "work" and value eq "x"]}: the RFC grammar allows no sub-attribute after
 * {@code ]} in a filter, but Entra ID sends it (quirk Q20, see {@code docs/entra-quirks.md}).
 *
 * <p>Every syntax error, and every filter longer than {@link FilterSettings#maxLength()} or nested
 * (parentheses, {@code not}, brackets) deeper than {@link FilterSettings#maxDepth()}, is a 400
 * {@code invalidFilter} {@link ScimException} whose detail names the zero-based position of the
 * problem. Thread-safe: each call uses its own parser instance.
 */
public final class FilterParser {
    private final FilterLexer in;
    private final FilterSettings settings;
    private int depth;

    private FilterParser(String filter, FilterSettings settings) {
        this.in = new FilterLexer(filter);
        this.settings = settings;
    }

    /** Parses a filter with the {@link FilterSettings#lenient() lenient} settings. */
    public static Filter parse(String filter) {
        return parse(filter, FilterSettings.lenient());
    }

    /**
     * Parses a filter.
     *
     * @throws ScimException 400 {@code invalidFilter} if the text is not a filter these settings accept
     */
    public static Filter parse(String filter, FilterSettings settings) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(settings, "settings");
        if (filter.length() > settings.maxLength()) {
            throw FilterLexer.error("the filter is " + filter.length() + " characters long, more than the "
                    + settings.maxLength() + " allowed", settings.maxLength());
        }
        FilterParser parser = new FilterParser(filter, settings);
        try {
            return parser.filter();
        } catch (StackOverflowError e) {
            // Only reachable when a caller raises maxDepth far beyond what the stack holds.
            throw FilterLexer.error("the filter is nested too deeply", parser.in.position());
        }
    }

    /** Filter := OrExpr, with optional whitespace around it. */
    private Filter filter() {
        in.skipWhitespace();
        if (in.atEnd()) {
            throw FilterLexer.error("the filter is empty", in.position());
        }
        Filter result = orExpr(null);
        in.skipWhitespace();
        if (!in.atEnd()) {
            throw unexpected("the end of the filter", true);
        }
        return result;
    }

    /** OrExpr := AndExpr { WS "or" WS AndExpr }; {@code parent} is the bracketed attribute, if any. */
    private Filter orExpr(@Nullable AttributePath parent) {
        Filter left = andExpr(parent);
        while (logicalKeyword("or")) {
            left = new OrFilter(left, andExpr(parent));
        }
        return left;
    }

    /** AndExpr := NotExpr { WS "and" WS NotExpr }. */
    private Filter andExpr(@Nullable AttributePath parent) {
        Filter left = notExpr(parent);
        while (logicalKeyword("and")) {
            left = new AndFilter(left, notExpr(parent));
        }
        return left;
    }

    /** Consumes {@code WS keyword WS} if it comes next; otherwise leaves the cursor where it was. */
    private boolean logicalKeyword(String keyword) {
        int start = in.position();
        if (!in.skipWhitespace()) {
            return false;
        }
        int wordStart = in.position();
        int wordEnd = in.wordEnd();
        if (!in.isKeyword(wordStart, wordEnd, keyword)) {
            in.moveTo(start);
            return false;
        }
        in.moveTo(wordEnd);
        if (!in.skipWhitespace()) {
            throw FilterLexer.error(in.atEnd() ? "expected an expression after '" + keyword + "'"
                    : "expected whitespace after '" + keyword + "'", in.position());
        }
        return true;
    }

    /** NotExpr := "not" [WS] Group | Primary. */
    private Filter notExpr(@Nullable AttributePath parent) {
        int start = in.position();
        int wordEnd = in.wordEnd();
        if (in.isKeyword(start, wordEnd, "not")) {
            in.moveTo(wordEnd);
            boolean space = in.skipWhitespace();
            if (in.peek() == '(') {
                enter(start);
                Filter inner = group(parent);
                depth--;
                return new NotFilter(inner);
            }
            // "not" is also a legal attribute name: "not pr", "not eq 1", "not[type eq 1]".
            boolean attribute = space ? isOperatorAhead() : in.peek() == '[';
            if (!attribute) {
                throw FilterLexer.error("expected '(' after 'not'", in.position());
            }
            in.moveTo(start);
        }
        return primary(parent);
    }

    private boolean isOperatorAhead() {
        int from = in.position();
        int to = in.wordEnd();
        return in.isKeyword(from, to, "pr") || in.compareOp(from, to) != null;
    }

    /** Primary := Group | ValuePath | AttrExpr. */
    private Filter primary(@Nullable AttributePath parent) {
        if (in.peek() == '(') {
            return group(parent);
        }
        return attrExpr(parent);
    }

    /** Group := "(" [WS] Filter [WS] ")". */
    private Filter group(@Nullable AttributePath parent) {
        int open = in.position();
        enter(open);
        in.consume('(');
        in.skipWhitespace();
        Filter inner = orExpr(parent);
        in.skipWhitespace();
        if (!in.consume(')')) {
            throw unexpected("')' to close the '(' from offset " + open, true);
        }
        depth--;
        return inner;
    }

    /** AttrExpr := AttrPath WS "pr" | AttrPath WS CompareOp WS CompValue; or a ValuePath. */
    private Filter attrExpr(@Nullable AttributePath parent) {
        int start = in.position();
        AttributePath path = attrPath(parent);
        if (in.peek() == '[') {
            if (parent != null) {
                throw FilterLexer.error("a value filter cannot be nested inside the value filter of '"
                        + parent + "'", in.position());
            }
            if (path.hasSubAttribute()) {
                throw FilterLexer.error("a value filter applies to an attribute, not to the sub-attribute '"
                        + path + "'", in.position());
            }
            return valuePath(path);
        }
        return attributeCondition(path, start);
    }

    /** The {@code WS "pr"} or {@code WS CompareOp WS CompValue} that follows an attribute path. */
    private Filter attributeCondition(AttributePath path, int pathStart) {
        if (!in.skipWhitespace()) {
            throw FilterLexer.error(in.atEnd() ? "expected a comparison operator"
                    : "expected whitespace and a comparison operator after '" + in.excerpt(pathStart, in.position())
                            + "'", in.position());
        }
        int opStart = in.position();
        int opEnd = in.wordEnd();
        if (opEnd == opStart) {
            throw FilterLexer.error("expected a comparison operator", opStart);
        }
        if (in.isKeyword(opStart, opEnd, "pr")) {
            in.moveTo(opEnd);
            return new PresentFilter(path);
        }
        CompareOp op = in.compareOp(opStart, opEnd);
        if (op == null) {
            throw FilterLexer.error("operator '" + in.excerpt(opStart, opEnd) + "' is not supported", opStart);
        }
        in.moveTo(opEnd);
        if (!in.skipWhitespace()) {
            throw FilterLexer.error(in.atEnd() ? "expected a value" : "expected whitespace after '" + op + "'",
                    in.position());
        }
        ScimValue value = in.literal(settings.singleQuotedStrings());
        if (!in.atValueBoundary()) {
            throw FilterLexer.error("expected whitespace, ')', ']' or the end of the filter after the value",
                    in.position());
        }
        return new ComparisonFilter(path, op, value);
    }

    /**
     * ValuePath := AttrPath "[" [WS] ValFilter [WS] "]", plus Entra's trailing {@code .sub op value}
     * when the settings allow it (quirk Q20).
     */
    private Filter valuePath(AttributePath path) {
        int open = in.position();
        enter(open);
        in.consume('[');
        in.skipWhitespace();
        Filter inner = orExpr(path);
        in.skipWhitespace();
        if (!in.consume(']')) {
            throw unexpected("']' to close the '[' from offset " + open, true);
        }
        depth--;
        if (in.peek() != '.') {
            return new ValuePathFilter(path, inner);
        }
        if (!settings.valuePathSubAttribute()) {
            throw FilterLexer.error("a sub-attribute after a value filter ('].name') is only allowed in PATCH "
                    + "paths, not in filters", in.position());
        }
        in.consume('.');
        if (!FilterLexer.isLetter((char) Math.max(in.peek(), 0)) && in.peek() != '$') {
            throw FilterLexer.error("expected a sub-attribute name after '].'", in.position());
        }
        int subStart = in.position();
        AttributePath sub = attrPath(path);
        Filter condition = attributeCondition(sub, subStart);
        return new ValuePathFilter(path, new AndFilter(inner, condition));
    }

    /**
     * AttrPath := [ SchemaUri ":" ] AttrName [ "." AttrName ]. Inside a value filter ({@code parent}
     * set) only a plain sub-attribute name is allowed.
     */
    private AttributePath attrPath(@Nullable AttributePath parent) {
        int start = in.position();
        int end = in.wordEnd();
        if (end == start || !(FilterLexer.isLetter(in.charAt(start)) || in.charAt(start) == '$')) {
            throw unexpected("an attribute path, '(' or 'not'", false);
        }
        int nameStart = start;
        int firstDot = -1;
        int secondDot = -1;
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            if (c == ':') {
                nameStart = i + 1;
                firstDot = -1;
                secondDot = -1;
            } else if (c == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                }
            }
        }
        if (secondDot >= 0) {
            throw FilterLexer.error("'" + in.excerpt(start, end) + "' has more than one sub-attribute level", start);
        }
        if (parent != null && (nameStart > start || firstDot >= 0)) {
            throw FilterLexer.error("inside the value filter of '" + parent + "', '" + in.excerpt(start, end)
                    + "' must be a plain sub-attribute name", start);
        }
        if (nameStart == end) {
            throw FilterLexer.error("expected an attribute name after the schema URN", end);
        }
        String urn = nameStart > start ? in.substring(start, nameStart - 1) : null;
        String attribute = in.substring(nameStart, firstDot < 0 ? end : firstDot);
        String sub = firstDot < 0 ? null : in.substring(firstDot + 1, end);
        AttributePath path;
        try {
            path = new AttributePath(urn, attribute, sub);
        } catch (ScimException e) {
            throw FilterLexer.error(e.detail(), start);
        }
        in.moveTo(end);
        return path;
    }

    /** Counts one level of parentheses, {@code not} or brackets, refusing to go past the limit. */
    private void enter(int position) {
        if (++depth > settings.maxDepth()) {
            throw FilterLexer.error("the filter nests parentheses, 'not' and brackets deeper than "
                    + settings.maxDepth() + " levels", position);
        }
    }

    /**
     * An error for whatever sits at the cursor where {@code expected} should be; {@code orLogical}
     * adds that {@code and} or {@code or} would also have been accepted there.
     */
    private ScimException unexpected(String expected, boolean orLogical) {
        int at = in.position();
        String wanted = "expected " + expected + (orLogical ? ", 'and' or 'or'" : "");
        if (in.atEnd()) {
            return FilterLexer.error(wanted + " but the filter ends", at);
        }
        char c = in.charAt(at);
        if (c == ')' || c == ']') {
            return FilterLexer.error("unbalanced '" + c + "'; " + wanted, at);
        }
        return FilterLexer.error(wanted, at);
    }
}
