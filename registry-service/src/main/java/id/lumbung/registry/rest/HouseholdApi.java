package id.lumbung.registry.rest;

import id.lumbung.platform.id.Sex;
import id.lumbung.registry.domain.EmploymentFact;
import id.lumbung.registry.domain.LifeStatus;
import id.lumbung.registry.domain.Relationship;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The API models of households and their members. */
public final class HouseholdApi {

    private HouseholdApi() {
    }

    /** DTSEN-style socio-economic attributes of a family (the family part of the proxy-means test). */
    public record SocioEconomic(
            String housingTenure,
            @PositiveOrZero BigDecimal floorAreaM2,
            String floorType,
            String wallType,
            String roofType,
            String waterSource,
            String toilet,
            @PositiveOrZero Integer electricityVa,
            @PositiveOrZero BigDecimal landAreaM2,
            List<@NotBlank String> assets,
            Map<String, @PositiveOrZero Integer> livestock,
            @PositiveOrZero Long monthlyIncome,
            boolean kksCard) {
    }

    public record MemberInput(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String nik,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Sex sex,
            @NotNull @Past LocalDate birthDate,
            @Size(max = 100) String birthPlace,
            @NotNull Relationship relationship,
            String maritalStatus,
            String education,
            String occupation,
            String disability,
            Set<EmploymentFact> employment) {
    }

    public record RegisterHousehold(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String noKk,
            @NotNull @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", message = "must be a village code like 33.20.01.2001") String villageCode,
            @NotBlank @Size(max = 500) String address,
            @Size(max = 3) String rt,
            @Size(max = 3) String rw,
            @Valid SocioEconomic socioEconomic,
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = "\\d{4}-Q[1-4]", message = "must look like 2025-Q4") String desilPeriod,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull MemberInput> members) {
    }

    public record MemberView(String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace,
            Relationship relationship, String maritalStatus, String education, String occupation, String disability,
            Set<EmploymentFact> employment, LifeStatus lifeStatus, LocalDate deathDate, LocalDate memberSince) {
    }

    public record HouseholdView(UUID id, String noKk, String villageCode, String address, String rt, String rw,
            SocioEconomic socioEconomic, Integer desil, String desilPeriod, String status, long version,
            List<MemberView> members) {
    }

    /** Attributes of a household that change without a new KK (a new village or KK is a move). */
    public record UpdateHousehold(
            @NotBlank @Size(max = 500) String address,
            @Size(max = 3) String rt,
            @Size(max = 3) String rw,
            @Valid SocioEconomic socioEconomic,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A new desil from the quarterly DTSEN ranking; both null means "no desil yet". */
    public record SetDesil(
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = "\\d{4}-Q[1-4]", message = "must look like 2025-Q4") String desilPeriod,
            @NotBlank @Size(max = 200) String source) {
    }

    /** Facts about a person that change over time; NIK, sex and birth date never do. */
    public record UpdatePerson(
            @NotBlank @Size(max = 200) String fullName,
            String maritalStatus,
            String education,
            String occupation,
            String disability,
            Set<EmploymentFact> employment,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record PersonView(String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace,
            String maritalStatus, String education, String occupation, String disability,
            Set<EmploymentFact> employment, LifeStatus lifeStatus, LocalDate deathDate, long version,
            UUID currentHouseholdId, Relationship relationship) {
    }

    /** A death, with the reference of the death certificate or village letter. */
    public record Death(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 200) String reference) {
    }

    /** A person left for an unknown place (pindah, whereabouts not registered here). */
    public record Departure(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Members leave a KK for a new one: a move to another address or village, or a family splitting off.
     * When the head leaves and others stay, {@code remainingHead} names who heads the old KK.
     */
    public record Detach(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String newNoKk,
            @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", message = "must be a village code like 33.20.01.2001") String villageCode,
            @Size(max = 500) String address,
            @Size(max = 3) String rt,
            @Size(max = 3) String rw,
            @NotEmpty List<@Pattern(regexp = "\\d{16}") String> members,
            @NotNull @Pattern(regexp = "\\d{16}") String newHead,
            @Pattern(regexp = "\\d{16}") String remainingHead,
            @NotNull @PastOrPresent LocalDate date,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** Two KKs become one: every current member of the source joins the target, the source is dissolved. */
    public record Merge(
            @NotNull UUID sourceHouseholdId,
            @NotNull Relationship relationshipOfSourceHead,
            @NotNull @PastOrPresent LocalDate date,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** The result of a move, split or merge: every household it touched, as it is now. */
    public record LifeEventResult(List<HouseholdView> households) {
    }

    /** One row of a search result: enough to pick the family, personal data masked unless in scope. */
    public record HouseholdSummary(UUID id, String noKk, String villageCode, String headName, int members,
            Integer desil, String desilPeriod, String status, Double nameScore) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
