package io.scimkit.examples.store;

import io.scimkit.core.ScimService;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.junit.OktaConformance;
import io.scimkit.testkit.target.InProcessTarget;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Entra ID provisioning scenarios of scim-testkit, replayed in process against a service over
 * the example's person and team stores: one container per scenario run, one test per step.
 */
class MapStoreEntraTest {

    @TestFactory
    Stream<DynamicNode> entraScenarios() {
        ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                .userStore(new PersonStore(false)).groupStore(new TeamStore(false)).build();
        return EntraConformance.against(InProcessTarget.of(service)).dynamicTests();
    }

    /** Okta's provisioning (docs/okta.md) against the same kind of stores. */
    @TestFactory
    Stream<DynamicNode> oktaScenarios() {
        ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                .userStore(new PersonStore(false)).groupStore(new TeamStore(false)).build();
        return OktaConformance.against(InProcessTarget.of(service)).dynamicTests();
    }
}
