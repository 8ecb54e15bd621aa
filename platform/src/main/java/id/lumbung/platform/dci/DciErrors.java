package id.lumbung.platform.dci;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The DCI spec's error shapes, as every DCI API of Lumbung documents them (the bodies are built by {@link DciMessages}). */
public final class DciErrors {

    private DciErrors() {
    }

    @Schema(name = "DciError", description = "A DCI Error: one of the spec's err.* codes and a message.")
    public record Error(
            @Schema(description = "Error code", enumeration = { "err.request.bad", "err.request.unauthorized",
                    "err.request.forbidden", "err.request.not_found", "err.version.not_supported", "err.sender_id.invalid",
                    "err.sender_uri.invalid", "err.receiver_id.invalid", "err.signature.missing", "err.signature.invalid",
                    "err.encryption.invalid", "err.service.unavailable" }, examples = "err.request.forbidden") String code,
            @Schema(description = "What is wrong, for the sender's operators; a 500 quotes a reference for ours",
                    maxLength = 999, examples = "your role may not use the DCI Social Registry API") String message) {
    }

    @Schema(name = "DciHttpErrorResponse", description = "The spec's HttpErrorResponse: a missing or invalid token (401), "
            + "a role or region scope that may not use the API (403), or an unexpected failure (500, with a reference "
            + "to quote).")
    public record HttpErrorResponse(@Schema(description = "The error") List<Error> errors) {
    }
}
