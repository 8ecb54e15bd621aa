package id.lumbung.registry.dci;

import id.lumbung.platform.dci.DciException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the registry may post a DCI answer: under the callback address registered for the sender (used when a
 * request names none), and never to the machine itself, link-local (cloud metadata), private or shared
 * addresses unless a deployment allows them (tests with a receiver on 127.0.0.1). An answer carries unmasked NIKs
 * and names, so a sender cannot point it anywhere it likes.
 */
final class CallbackTargets {

    private CallbackTargets() {
    }

    /** The address to answer {@code senderUri} at, or a {@code rjct.sender_uri.invalid} refusal that says why. */
    static URI choose(String senderUri, Optional<String> registered, boolean allowPrivate) {
        String chosen = senderUri != null && !senderUri.isBlank() ? senderUri : registered.orElse(null);
        if (chosen == null) {
            throw refused("an async request needs header.sender_uri, the http(s) address the answer is posted to "
                    + "(no callback address is registered for this sender)");
        }
        URI uri;
        try {
            uri = new URI(chosen);
        } catch (URISyntaxException e) {
            throw refused("header.sender_uri is not a URI");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw refused("header.sender_uri must be an http(s) address with a host and no user information");
        }
        if (registered.isPresent() && !under(uri, URI.create(registered.get()))) {
            throw refused("header.sender_uri must lie under the callback address registered for this sender");
        }
        if (!allowPrivate) {
            String reason = notPublic(uri.getHost());
            if (reason != null) {
                throw refused("header.sender_uri " + reason);
            }
        }
        return uri;
    }

    /** Why {@code host} may not be called back (it is or resolves to a non-public address), or null. */
    static String notPublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
        for (var address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || shared(address)) {
                return "points to a loopback, link-local, private or shared address";
            }
        }
        return null;
    }

    /** Carrier-grade NAT 100.64.0.0/10 and IPv6 unique-local fc00::/7, which Java does not call site-local. */
    private static boolean shared(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0;
        }
        return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean under(URI uri, URI registered) {
        return uri.getScheme().equalsIgnoreCase(registered.getScheme())
                && uri.getHost().toLowerCase(Locale.ROOT).equals(String.valueOf(registered.getHost()).toLowerCase(Locale.ROOT))
                && port(uri) == port(registered)
                && uri.normalize().getRawPath().startsWith(registered.getRawPath() == null ? "/" : registered.getRawPath());
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static DciException refused(String reason) {
        return new DciException(DciException.Code.SENDER_URI_INVALID, reason);
    }
}
