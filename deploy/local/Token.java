import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Mints a development bearer token that the local services accept (RS256, signed with the
 * development key in platform/src/test/resources/dev-jwt). Never use this key outside a laptop.
 *
 * Usage: java Token.java <private-key.pem> <role[,role]> [hours] [region-prefix ...]
 */
public class Token {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Token <private-key.pem> <role[,role]> [hours] [region-prefix ...]");
            System.exit(2);
        }
        String pem = Files.readString(Path.of(args[0]))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String[] roles = args[1].split(",");
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 12;
        String[] regions = args.length > 3 ? Arrays.copyOfRange(args, 3, args.length) : new String[0];
        long now = Instant.now().getEpochSecond();
        String subject = "dev-" + roles[0];
        String payload = "{\"iss\":\"https://lumbung.id/dev\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":" + jsonArray(roles) + ",\"regions\":" + jsonArray(regions) + ","
                + "\"iat\":" + now + ",\"exp\":" + (now + hours * 3600) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64.encodeToString(signer.sign()));
    }

    private static String jsonArray(String[] values) {
        return Arrays.stream(values).map(v -> "\"" + v.replace("\"", "") + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
