package io.scimkit.testkit.scenario;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A string with {@code {{expression}}} placeholders, such as the path template
 * {@code /Users/{{userId}}}. Placeholders nest and are resolved innermost first, so
 * {@code {{user{{i}}}}} reads the variable {@code user3} in the fourth repetition of a step.
 * Text outside placeholders is taken literally; a single {@code {} or {@code }} is plain text.
 */
public final class TextTemplate {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private final String source;

    private TextTemplate(String source) {
        this.source = source;
    }

    /**
     * The template of this text.
     *
     * @throws IllegalArgumentException if a placeholder is opened and not closed, or closed and never opened
     */
    public static TextTemplate of(String source) {
        Objects.requireNonNull(source, "source");
        checkBalanced(source);
        return new TextTemplate(source);
    }

    /** The template as written. */
    public String source() {
        return source;
    }

    /** Whether the text has any placeholder. */
    public boolean hasPlaceholders() {
        return source.contains(OPEN);
    }

    /**
     * The text with every placeholder replaced.
     *
     * @throws UnresolvedPlaceholderException if a placeholder cannot be resolved
     */
    public String render(Placeholders placeholders) {
        if (!hasPlaceholders()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int end = render(source, 0, false, placeholders, out);
        if (end != source.length()) {
            throw new IllegalStateException("unbalanced template " + source);
        }
        return out.toString();
    }

    /** Renders from {@code start} until the end, or (when nested) the closing braces; returns the index after them. */
    private static int render(String text, int start, boolean nested, Placeholders placeholders, StringBuilder out) {
        int index = start;
        while (index < text.length()) {
            if (text.startsWith(OPEN, index)) {
                StringBuilder expression = new StringBuilder();
                index = render(text, index + OPEN.length(), true, placeholders, expression);
                out.append(placeholders.valueOf(expression.toString().strip()));
            } else if (nested && text.startsWith(CLOSE, index)) {
                return index + CLOSE.length();
            } else {
                out.append(text.charAt(index));
                index++;
            }
        }
        if (nested) {
            throw new IllegalArgumentException("placeholder not closed in " + text);
        }
        return index;
    }

    private static void checkBalanced(String text) {
        int depth = 0;
        int index = 0;
        while (index < text.length()) {
            if (text.startsWith(OPEN, index)) {
                depth++;
                index += OPEN.length();
            } else if (depth > 0 && text.startsWith(CLOSE, index)) {
                depth--;
                index += CLOSE.length();
            } else {
                index++;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("placeholder not closed in '" + text + "'");
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TextTemplate that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
