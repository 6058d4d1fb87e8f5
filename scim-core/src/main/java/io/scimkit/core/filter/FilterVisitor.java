package io.scimkit.core.filter;

/**
 * An operation over every kind of {@link Filter} node; the compiler keeps implementations
 * exhaustive. Used by the evaluator, the renderer and by stores that translate filters (to SQL, for
 * example).
 *
 * @param <R> what the operation returns
 */
public interface FilterVisitor<R> {
    R visitAnd(AndFilter filter);

    R visitOr(OrFilter filter);

    R visitNot(NotFilter filter);

    R visitComparison(ComparisonFilter filter);

    R visitPresent(PresentFilter filter);

    R visitValuePath(ValuePathFilter filter);
}
