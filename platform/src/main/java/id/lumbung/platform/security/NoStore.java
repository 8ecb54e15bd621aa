package id.lumbung.platform.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers of the API and of DCI carry personal data (names, NIKs, addresses, case details): no browser, proxy or
 * gateway may keep a copy. An operation that wants caching sets its own {@code Cache-Control}.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("/api/") || path.startsWith("/dci/")) && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
