package id.lumbung.eligibility.domain;

import java.util.Objects;

/**
 * Why a household is not eligible: a stable code for systems, and one plain sentence each in Indonesian
 * ({@code id}) and English ({@code en}) for people. A reason names a status, never a family member.
 */
public record Reason(String code, String id, String en) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }
}
