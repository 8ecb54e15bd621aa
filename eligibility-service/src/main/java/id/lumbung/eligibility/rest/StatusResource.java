package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.StatusCheck;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/status")
@Tag(name = "Status check (Cek Bansos)", description = "Public: what a family receives, by NIK or by name and village, "
        + "masked; each lookup needs a solved proof-of-work challenge and is rate limited per client")
@PermitAll
public class StatusResource {

    private final StatusCheck status;

    public StatusResource(StatusCheck status) {
        this.status = status;
    }

    @POST
    @Path("/challenges")
    @Operation(summary = "A proof-of-work challenge; solve it and send it with one status check")
    public StatusApi.Challenge challenge() {
        return status.challenge();
    }

    @POST
    @Operation(summary = "Cek Bansos: masked name, desil, DTSEN period and per program status, period, note and payment")
    public StatusApi.StatusAnswer check(StatusApi.StatusRequest request, @Context HttpServerRequest http) {
        // the address as the HTTP layer resolved it (proxy headers only when quarkus.http.proxy trusts them)
        var address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return status.check(request, address);
    }
}
