package id.lumbung.platform.id;

/** Hides personal data in logs and public answers, the way Cek Bansos shows it. */
public final class Masking {

    private Masking() {
    }

    /** {@code 3320014107850001} → {@code 332001**********}: the district stays, the person does not. */
    public static String nik(String value) {
        if (value == null || value.length() < 6) {
            return "****";
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 6);
    }

    /** {@code SITI AMINAH} → {@code S**I A****H}: first and last letter of each word. */
    public static String name(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        var out = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (word.length() <= 2) {
                out.append(word.charAt(0)).append("*".repeat(word.length() - 1));
            } else {
                out.append(word.charAt(0)).append("*".repeat(word.length() - 2)).append(word.charAt(word.length() - 1));
            }
        }
        return out.toString();
    }
}
