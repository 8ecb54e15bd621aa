package id.lumbung.registry.dci;

import id.lumbung.platform.dci.DciMetrics;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token API every DCI system implements (OAuth2 client credentials, RFC 6749 §4.4) and its public keys. */
@Path("/")
@Tag(name = "DCI", description = "Digital Convergence Initiative Social Registry API v1.0.0 for other government systems")
public class DciTokenResource {

    private final DciTokens tokens;

    private static final String TOKEN = "/dci/oauth2/client/token";

    public DciTokenResource(DciTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Path("dci/oauth2/client/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueDciToken", summary = "OAuth2 client-credentials token for DCI callers",
            description = "The token API every DCI system implements (OAuth2 client credentials, RFC 6749 §4.4): a "
                    + "configured client sends its client_id and client_secret in the form or as HTTP Basic and gets a "
                    + "short-lived RS256 bearer token (15 minutes by default) with its roles and region-code prefixes, to "
                    + "call the DCI registry API with; its client id is the sender_id its messages must carry. Answers are "
                    + "never cached. Errors are OAuth2 errors, not problem documents.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.AccessToken.class)))
    @APIResponse(responseCode = "400", description = "grant_type is not client_credentials (unsupported_grant_type), or "
            + "client_id or client_secret is missing or the Basic credentials are not base64 (invalid_request)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.OAuthError.class)))
    @APIResponse(responseCode = "401", description = "Unknown client or wrong secret (invalid_client), with WWW-Authenticate "
            + "Basic", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DciApi.OAuthError.class)))
    @APIResponse(responseCode = "503", description = "No token signing key is configured (temporarily_unavailable)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.OAuthError.class)))
    public Response token(
            @Parameter(description = "Must be client_credentials", example = "client_credentials")
            @FormParam("grant_type") String grantType,
            @Parameter(description = "The client id (also the DCI sender_id); or in HTTP Basic", example = "spmis-jepara")
            @FormParam("client_id") String clientId,
            @Parameter(description = "The client secret; or in HTTP Basic", example = "s3cr3t-dari-kemensos")
            @FormParam("client_secret") String clientSecret,
            @Parameter(description = "Basic base64(client_id:client_secret), instead of the form fields",
                    example = "Basic c3BtaXMtamVwYXJhOnMzY3IzdC1kYXJpLWtlbWVuc29z")
            @HeaderParam("Authorization") String authorization) {
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8)
                        .split(":", 2);
                if (pair.length == 2) {
                    clientId = java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                    clientSecret = java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return oauthError(400, "invalid_request", "the Basic credentials are not base64");
            }
        }
        if (clientId == null || clientSecret == null) {
            return oauthError(400, "invalid_request", "client_id and client_secret are required");
        }
        if (!tokens.enabled()) {
            return oauthError(503, "temporarily_unavailable", "no token signing key is configured");
        }
        return tokens.issue(clientId, clientSecret)
                .map(t -> {
                    DciMetrics.count(TOKEN, "answered");
                    return Response.ok(Map.of("access_token", t.accessToken(), "token_type", "Bearer", "expires_in", t.expiresIn()))
                        .header("Cache-Control", "no-store").build();
                })
                .orElseGet(() -> Response.fromResponse(oauthError(401, "invalid_client", "unknown client or wrong secret"))
                        .header("WWW-Authenticate", "Basic realm=\"dci\"").build());
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDciJwks", summary = "Public keys of the DCI tokens this registry issues",
            description = "The JWK Set (RFC 7517) with the public half of the key the DCI tokens are signed with, for the "
                    + "systems that verify them; an empty set when no signing key is configured. Public: no token needed.")
    @APIResponse(responseCode = "200", description = "The JWK Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DciApi.JsonWebKeySet.class)))
    public String jwks() {
        return tokens.jwks();
    }

    private static Response oauthError(int status, String error, String description) {
        DciMetrics.count(TOKEN, error);
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
