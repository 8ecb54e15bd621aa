package id.lumbung.disbursement.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code printed on an undangan (invitation) and in its QR code: 128 random bits in RFC 4648 base32
 * (26 characters, no padding), so it cannot be guessed or derived from the order. Officers may type it
 * with spaces, hyphens or in lower case.
 */
public final class InvitationCode {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 26;

    private InvitationCode() {
    }

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    static String base32(byte[] bytes) {
        var out = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The code as stored, or empty when what was typed or scanned cannot be a code at all. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.matches("[A-Z2-7]{" + LENGTH + "}") ? Optional.of(code) : Optional.empty();
    }

    /** Groups of four for printing: {@code ABCD-EFGH-...}. */
    public static String printed(String code) {
        return String.join("-", code.split("(?<=\\G.{4})"));
    }
}
