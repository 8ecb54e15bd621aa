package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.StatusCheck;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "issueStatusChallenge", summary = "Get a proof-of-work challenge for one status check",
            description = "Cek Bansos needs no account but costs work: anyone asks for a challenge, finds a solution "
                    + "such that SHA-256(nonce + solution) starts with difficulty zero bits (about 2^difficulty hashes, "
                    + "done by the browser), and sends both with one status check before the challenge expires. The "
                    + "challenge is signed, so nothing is stored until it is used; each one buys one lookup.")
    @APIResponse(responseCode = "200", description = "A fresh challenge",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusApi.Challenge.class)))
    public StatusApi.Challenge challenge() {
        return status.challenge();
    }

    @POST
    @Operation(operationId = "checkStatus", summary = "Check what a family receives (Cek Bansos)",
            description = "Public, without a token: by a member's NIK, or by the full name as on the KTP with the village "
                    + "code, what the family receives: the masked name, the desil (or \"belum ada desil\") and its DTSEN "
                    + "quarter, and per program period the status (DIBAYAR, TERDAFTAR, MEMENUHI_SYARAT or "
                    + "TIDAK_MEMENUHI_SYARAT), a note and the payment status. Each lookup needs a solved challenge "
                    + "(used up by it) and a token of the caller's rate limit per client address; the question is checked "
                    + "before either is spent. Found or not, the answer has the same shape and takes at least the same "
                    + "time, so the check cannot tell which NIKs exist.")
    @APIResponse(responseCode = "200", description = "The answer, DITEMUKAN or TIDAK_DITEMUKAN",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusApi.StatusAnswer.class)))
    @APIResponse(responseCode = "400", description = "No body; neither nik nor fullName with villageCode, or both; a "
            + "malformed NIK, name or village code; or the challenge is missing (challenge-missing) or not one this service "
            + "issued (challenge-invalid)")
    @APIResponse(responseCode = "403", description = "The challenge is refused: its signature does not match "
            + "(challenge-forged), it has expired (challenge-expired), the solution does not solve it (challenge-unsolved) "
            + "or it has been used already (challenge-used); ask for a new one")
    @APIResponse(responseCode = "429", description = "Too many status checks from this address; try again after Retry-After "
            + "seconds. Only a request with a solved challenge spends the address's allowance",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before the next check",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", example = "6")))
    public StatusApi.StatusAnswer check(StatusApi.StatusRequest request, @Context HttpServerRequest http) {
        // the address as the HTTP layer resolved it (proxy headers only when quarkus.http.proxy trusts them)
        var address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return status.check(request, address);
    }
}
