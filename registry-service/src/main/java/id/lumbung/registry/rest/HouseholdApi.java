package id.lumbung.registry.rest;

import id.lumbung.platform.id.Quarter;
import id.lumbung.platform.id.Sex;
import id.lumbung.registry.domain.EmploymentFact;
import id.lumbung.registry.domain.FieldBounds;
import id.lumbung.registry.domain.LifeStatus;
import id.lumbung.registry.domain.Relationship;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
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
            @Size(max = FieldBounds.ATTRIBUTE) String housingTenure,
            @PositiveOrZero @DecimalMax(FieldBounds.AREA_MAX) @Digits(integer = 7, fraction = 1) BigDecimal floorAreaM2,
            @Size(max = FieldBounds.ATTRIBUTE) String floorType,
            @Size(max = FieldBounds.ATTRIBUTE) String wallType,
            @Size(max = FieldBounds.ATTRIBUTE) String roofType,
            @Size(max = FieldBounds.ATTRIBUTE) String waterSource,
            @Size(max = FieldBounds.ATTRIBUTE) String toilet,
            @PositiveOrZero @Max(FieldBounds.ELECTRICITY_VA_MAX) Integer electricityVa,
            @PositiveOrZero @DecimalMax(FieldBounds.AREA_MAX) @Digits(integer = 7, fraction = 1) BigDecimal landAreaM2,
            @Size(max = FieldBounds.LIST_ITEMS) List<@NotBlank @Size(max = FieldBounds.ATTRIBUTE) String> assets,
            @Size(max = FieldBounds.LIST_ITEMS) Map<@Size(max = FieldBounds.ATTRIBUTE) String,
                    @PositiveOrZero @Max(FieldBounds.LIVESTOCK_MAX) Integer> livestock,
            @PositiveOrZero @Max(FieldBounds.INCOME_MAX) Long monthlyIncome,
            boolean kksCard) {
    }

    public record MemberInput(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String nik,
            @NotBlank @Size(max = FieldBounds.NAME) String fullName,
            @NotNull Sex sex,
            @NotNull @Past LocalDate birthDate,
            @Size(max = FieldBounds.ATTRIBUTE) String birthPlace,
            @NotNull Relationship relationship,
            @Size(max = FieldBounds.ATTRIBUTE) String maritalStatus,
            @Size(max = FieldBounds.ATTRIBUTE) String education,
            @Size(max = FieldBounds.ATTRIBUTE) String occupation,
            @Size(max = FieldBounds.ATTRIBUTE) String disability,
            Set<EmploymentFact> employment) {
    }

    public record RegisterHousehold(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String noKk,
            @NotNull @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", message = "must be a village code like 33.20.01.2001") String villageCode,
            @NotBlank @Size(max = FieldBounds.ADDRESS) String address,
            @Size(max = FieldBounds.RT_RW) String rt,
            @Size(max = FieldBounds.RT_RW) String rw,
            @Valid SocioEconomic socioEconomic,
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String desilPeriod,
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
            @NotBlank @Size(max = FieldBounds.ADDRESS) String address,
            @Size(max = FieldBounds.RT_RW) String rt,
            @Size(max = FieldBounds.RT_RW) String rw,
            @Valid SocioEconomic socioEconomic,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A new desil from the quarterly DTSEN ranking; both null means "no desil yet". */
    public record SetDesil(
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String desilPeriod,
            @NotBlank @Size(max = 200) String source) {
    }

    /** Facts about a person that change over time; NIK, sex and birth date never do. */
    public record UpdatePerson(
            @NotBlank @Size(max = FieldBounds.NAME) String fullName,
            @Size(max = FieldBounds.ATTRIBUTE) String maritalStatus,
            @Size(max = FieldBounds.ATTRIBUTE) String education,
            @Size(max = FieldBounds.ATTRIBUTE) String occupation,
            @Size(max = FieldBounds.ATTRIBUTE) String disability,
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
            @Size(max = FieldBounds.RT_RW) String rt,
            @Size(max = FieldBounds.RT_RW) String rw,
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
