package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Body reading with a cap: an oversized body is detected without buffering it (413, RFC 7644 §3.12). */
class BoundedBodyTest {

    @Test
    void readsBodiesUpToTheLimitWholeAndLongerOnesToOneBytePastIt() throws IOException {
        Random random = new Random(413L);
        for (int round = 0; round < 200; round++) {
            int limit = 1 + random.nextInt(5000);
            int size = random.nextInt(10_000);
            byte[] body = new byte[size];
            random.nextBytes(body);
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            byte[] read = BoundedBody.read(in, limit);
            if (size <= limit) {
                assertThat(read).isEqualTo(body);
            } else {
                assertThat(read).hasSize(limit + 1);
                assertThat(in.available()).as("the rest stays unread").isEqualTo(size - limit - 1);
            }
        }
    }

    @Test
    void emptyBody() throws IOException {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 10)).isEmpty();
    }
}
