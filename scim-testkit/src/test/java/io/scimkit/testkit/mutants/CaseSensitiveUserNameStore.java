package io.scimkit.testkit.mutants;

import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.StringValue;
import java.util.List;

/** Mutant: {@code userName eq} compares case-sensitively (as a naive SQL {@code =} on a case-sensitive column would). */
final class CaseSensitiveUserNameStore extends DelegatingUserStore {
    CaseSensitiveUserNameStore(UserStore delegate) {
        super(delegate);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        StorePage page = delegate.search(context, query);
        if (query.filter() instanceof ComparisonFilter comparison && comparison.op() == CompareOp.EQ
                && comparison.path().attribute().equalsIgnoreCase("userName")
                && comparison.value() instanceof StringValue literal) {
            List<ScimResource> exact = page.resources().stream()
                    .filter(user -> user.get("userName").map(value -> value instanceof StringValue text
                            && text.value().equals(literal.value())).orElse(false))
                    .toList();
            return StorePage.of(exact, exact.size());
        }
        return page;
    }
}
