package io.scimkit.testkit.scenario;

/**
 * Resolves the expression inside one {@code {{...}}} placeholder of a scenario template to its
 * text, e.g. {@code userId} to the id a previous step captured. See {@link ScenarioVariables} for
 * the expressions the replayer understands.
 */
@FunctionalInterface
public interface Placeholders {

    /**
     * The text of the expression.
     *
     * @throws UnresolvedPlaceholderException if the expression names nothing known (yet)
     */
    String valueOf(String expression);
}
