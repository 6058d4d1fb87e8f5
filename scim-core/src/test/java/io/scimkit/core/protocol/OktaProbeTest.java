package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import org.junit.jupiter.api.Test;

class OktaProbeTest {
    @Test
    void probe() {
        for (ClientDialect d : new ClientDialect[] {ClientDialect.strict(), ClientDialect.lenient()}) {
            ScimTestClient c = ScimTestClient.create(d);
            System.out.println("==== " + d.rules().size());
            String u1 = c.createUser("a@x"), u2 = c.createUser("b@x");
            String gid = c.createGroup("G", u1);
            String p = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";
            Reply r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"members\":[{\"value\":\"" + u2 + "\",\"display\":\"b\"}]}}]}");
            System.out.println("nopath members " + r.status() + " " + r.text() + " -> " + c.get("/Groups/" + gid).text());
            r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"G2\",\"members\":[{\"value\":\"" + u1 + "\"}]}}]}");
            System.out.println("nopath id+members " + r.status() + " " + r.text() + " -> " + c.get("/Groups/" + gid).text());
            r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"members\":[]}}]}");
            System.out.println("nopath members [] " + r.status() + " " + r.text() + " -> " + c.get("/Groups/" + gid).text());
            r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"id\":\"" + gid.toUpperCase() + "\",\"displayName\":\"G3\"}}]}");
            System.out.println("nopath id upper " + r.status() + " " + r.text());
            r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"" + gid + "\",\"displayName\":\"G4\"}}]}");
            System.out.println("nopath schemas " + r.status() + " " + r.text());
            r = c.patch("/Groups/" + gid, p + "{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"G5\",\"meta\":{\"resourceType\":\"Group\"}}}]}");
            System.out.println("nopath meta " + r.status() + " " + r.text());
            r = c.put("/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"" + gid + "\",\"displayName\":\"SID\",\"members\":[]}");
            System.out.println("PUT empty " + r.status() + " " + r.text());
            String uid = c.createUser("c@x");
            r = c.patch("/Users/" + uid, p + "{\"op\":\"replace\",\"value\":{\"id\":\"" + uid + "\",\"active\":false}}]}");
            System.out.println("user nopath id " + r.status() + " " + r.text());
            r = c.patch("/Users/" + uid, p + "{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Q\"}}]}");
            System.out.println("user dotted " + r.status() + " " + r.text());
            r = c.patch("/Users/" + uid, p + "{\"op\":\"replace\",\"value\":{\"groups\":[]}}]}");
            System.out.println("user groups [] " + r.status() + " " + r.text());
        }
    }
}
