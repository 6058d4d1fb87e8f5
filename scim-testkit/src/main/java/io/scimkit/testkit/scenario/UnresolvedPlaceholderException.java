package io.scimkit.testkit.scenario;

/**
 * A template names a variable that no earlier step captured (usually because that step failed),
 * or an expression the placeholder language does not know. The step cannot be sent.
 */
public final class UnresolvedPlaceholderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String expression;

    public UnresolvedPlaceholderException(String expression, String reason) {
        super("{{" + expression + "}}: " + reason);
        this.expression = expression;
    }

    /** The expression inside the braces. */
    public String expression() {
        return expression;
    }
}
