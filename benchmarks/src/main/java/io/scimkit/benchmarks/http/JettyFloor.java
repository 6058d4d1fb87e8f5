package io.scimkit.benchmarks.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor under the example server: Jetty alone, the same version and connector settings, answering
 * every request with the same 1 KB JSON body and no work at all. Whatever the example server costs
 * per request above this is Jersey, scimkit and the logging; this server's own cost is what any
 * SCIM server on Jetty pays. Run it pinned to the core the example server would use and drive it with
 * {@code benchmarks/http/run.sh --jetty-floor}.
 *
 * <p>Argument: the port. Stops with the process.
 */
public final class JettyFloor {
    private static final byte[] BODY = body();

    private JettyFloor() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new QueuedThreadPool(200));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.start();
        System.out.println("Jetty floor listening on 127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** 1,024 bytes of JSON, as large as nginx's file in the same harness. */
    private static byte[] body() {
        StringBuilder json = new StringBuilder("{\"padding\":\"");
        while (json.length() < 1022) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
