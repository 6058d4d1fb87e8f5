package io.scimkit.examples;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Makes every request's URI name the address its connection arrived at instead of the client's
 * {@code Host} header, so a forged {@code Host: evil.example.com} cannot reach {@code Location} or
 * {@code meta.location} (RFC 7644 §3.1). Behind a proxy, configure the public URL instead
 * ({@code --public-url}): the proxy's view of the address is not this server's.
 */
final class ConnectionAuthority implements HttpConfiguration.Customizer {

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress local = request.getConnectionMetaData().getLocalSocketAddress();
        if (!(local instanceof InetSocketAddress address)) {
            return request;
        }
        HttpURI pinned = HttpURI.build(request.getHttpURI())
                .host(hostOf(address))
                .port(address.getPort())
                .asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return pinned;
            }
        };
    }

    /** The literal address (no name lookup), IPv6 in brackets as a URI authority needs it. */
    static String hostOf(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
