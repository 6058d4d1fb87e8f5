package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.protocol.ScimTestClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Two principals of different tenants on one service (DESIGN.md §4 tenancy): no single-resource
 * endpoint lets one see or touch the other's data, and uniqueness is per tenant.
 */
class TenantIsolationTest {
    private final ScimTestClient contoso = ScimTestClient.create().as(new ScimPrincipal("contoso", "entra-contoso"));
    private final ScimTestClient fabrikam = contoso.as(new ScimPrincipal("fabrikam", "entra-fabrikam"));

    @Test
    void theOtherTenantsResourcesAre404ForEveryMethodAndStayUnchanged() {
        String user = contoso.createUser("bjensen");
        String group = contoso.createGroup("Engineering", user);
        Reply userBefore = contoso.get("/Users/" + user);
        Reply groupBefore = contoso.get("/Groups/" + group);

        fabrikam.get("/Users/" + user).assertError(404, null);
        fabrikam.get("/Groups/" + group).assertError(404, null);
        fabrikam.put("/Users/" + user, "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"stolen\"}")
                .assertError(404, null);
        fabrikam.put("/Groups/" + group, "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"stolen\"}")
                .assertError(404, null);
        fabrikam.patch("/Users/" + user, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .assertError(404, null);
        fabrikam.patch("/Groups/" + group, patchOp("{\"op\":\"remove\",\"path\":\"members\"}")).assertError(404, null);
        fabrikam.patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"x\"}]}"))
                .assertError(404, null);
        fabrikam.send("DELETE", "/Users/" + user, "", null, "If-Match", "*").assertError(404, null);
        fabrikam.delete("/Users/" + user).assertError(404, null);
        fabrikam.delete("/Groups/" + group).assertError(404, null);

        assertThat(contoso.get("/Users/" + user).json()).isEqualTo(userBefore.json());
        assertThat(contoso.get("/Groups/" + group).json()).isEqualTo(groupBefore.json());
        assertThat(fabrikam.count("User")).isZero();
        assertThat(fabrikam.count("Group")).isZero();
    }

    @Test
    void theSameUserNameAndGroupNameCanBeCreatedInBothTenants() {
        String contosoUser = contoso.createUser("bjensen");
        String fabrikamUser = fabrikam.createUser("bjensen");
        contoso.createGroup("Engineering", contosoUser);
        String fabrikamGroup = fabrikam.createGroup("Engineering", fabrikamUser);

        assertThat(fabrikamUser).isNotEqualTo(contosoUser);
        fabrikam.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"BJENSEN\"}").assertError(409, "uniqueness");
        assertThat(fabrikam.get("/Users/" + fabrikamUser).json().path("groups").get(0).path("value").asText())
                .isEqualTo(fabrikamGroup);
        assertThat(contoso.count("User")).isEqualTo(1);
        assertThat(fabrikam.count("User")).isEqualTo(1);
    }

    @Test
    void deletingInOneTenantLeavesTheOther() {
        String contosoUser = contoso.createUser("bjensen");
        String fabrikamUser = fabrikam.createUser("bjensen");

        contoso.delete("/Users/" + contosoUser);

        assertThat(fabrikam.get("/Users/" + fabrikamUser).status()).isEqualTo(200);
    }
}
