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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of households and their members. */
public final class HouseholdApi {

    /** 16 digits: a NIK or a No. KK. */
    static final String SIXTEEN_DIGITS = "^\\d{16}$";
    static final String VILLAGE_CODE = "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$";
    static final String QUARTER = Quarter.PATTERN;
    /** Free text that says why: a change reason, a departure, a decision. */
    static final int REASON = 500;

    private HouseholdApi() {
    }

    /** DTSEN-style socio-economic attributes of a family (the family part of the proxy-means test). */
    @Schema(name = "SocioEconomic", description = "The family part of the DTSEN proxy-means test (atribut sosial ekonomi "
            + "keluarga): housing, sanitation, energy, land, assets, livestock and income. Coded values are written as in "
            + "the DTSEN extract, in capitals with underscores. An absent value is unknown, not zero.")
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
            @Schema(examples = "{\"KAMBING\": 2, \"AYAM\": 10}")
            @Size(max = FieldBounds.LIST_ITEMS) Map<@Size(max = FieldBounds.ATTRIBUTE) String,
                    @PositiveOrZero @Max(FieldBounds.LIVESTOCK_MAX) Integer> livestock,
            @PositiveOrZero @Max(FieldBounds.INCOME_MAX) Long monthlyIncome,
            boolean kksCard) {
    }

    @Schema(name = "NewHouseholdMember", description = "A member of a family card (anggota keluarga) as the KK lists them. "
            + "The NIK must encode the declared sex and birth date (DDMMYY, day + 40 for women) and begin with a Kemendagri "
            + "district code.")
    public record MemberInput(
            @NotNull @Pattern(regexp = SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @NotBlank @Size(max = FieldBounds.NAME) String fullName,
            @NotNull Sex sex,
            @NotNull @Past LocalDate birthDate,
            @Size(max = FieldBounds.ATTRIBUTE) String birthPlace,
            @NotNull Relationship relationship,
            @Size(max = FieldBounds.ATTRIBUTE) String maritalStatus,
            @Size(max = FieldBounds.ATTRIBUTE) String education,
            @Size(max = FieldBounds.ATTRIBUTE) String occupation,
            @Size(max = FieldBounds.ATTRIBUTE) String disability,
            @Size(max = FieldBounds.EMPLOYMENT_FACTS) Set<EmploymentFact> employment) {
    }

    @Schema(name = "RegisterHousehold", description = "A family card (Kartu Keluarga) with its members and, when known, "
            + "its socio-economic attributes and desil, as the village or the social office enters it.")
    public record RegisterHousehold(
            @NotNull @Pattern(regexp = SIXTEEN_DIGITS, message = "must be 16 digits") String noKk,
            @NotNull @Pattern(regexp = VILLAGE_CODE, message = "must be a village code like 33.20.01.2001") String villageCode,
            @NotBlank @Size(max = FieldBounds.ADDRESS) String address,
            @Size(max = FieldBounds.RT_RW) String rt,
            @Size(max = FieldBounds.RT_RW) String rw,
            @Valid SocioEconomic socioEconomic,
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = QUARTER, message = Quarter.MESSAGE) String desilPeriod,
            @Schema(description = "The members as listed on the KK, exactly one of them KEPALA_KELUARGA, each NIK once and "
                    + "in no other active household")
            @NotEmpty @Size(max = FieldBounds.MEMBERS) List<@Valid @NotNull MemberInput> members) {
    }

    @Schema(name = "HouseholdMember", description = "A current member of a household: the person's facts and their place "
            + "on the KK. A member who died or moved away stays listed with that life status until the KK changes.")
    public record MemberView(String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace,
            Relationship relationship, String maritalStatus, String education, String occupation, String disability,
            Set<EmploymentFact> employment, LifeStatus lifeStatus, LocalDate deathDate,
            @Schema(description = "Date the person joined this KK (registration, move, split or merge)",
                    examples = "2025-10-02") LocalDate memberSince) {
    }

    @Schema(name = "Household", description = "A family (keluarga) as the registry holds it: its KK, village and address, "
            + "socio-economic attributes, desil and current members.")
    public record HouseholdView(
            @Schema(description = "Household id, the same for as long as the KK exists; a move or split gives the family "
                    + "a new KK and a new household id", examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID id,
            String noKk, String villageCode, String address, String rt, String rw, SocioEconomic socioEconomic,
            Integer desil, String desilPeriod,
            @Schema(description = "ACTIVE, or DISSOLVED once every member left the KK (moved, split off or merged into "
                    + "another KK); a dissolved household no longer changes", enumeration = { "ACTIVE", "DISSOLVED" },
                    examples = "ACTIVE") String status,
            long version,
            @Schema(description = "The current members of the KK") List<MemberView> members) {
    }

    /** Attributes of a household that change without a new KK (a new village or KK is a move). */
    @Schema(name = "UpdateHousehold", description = "A household's address and socio-economic attributes as they are now. "
            + "The village and No. KK do not change here: a new KK is a move or a split.")
    public record UpdateHousehold(
            @NotBlank @Size(max = FieldBounds.ADDRESS) String address,
            @Size(max = FieldBounds.RT_RW) String rt,
            @Size(max = FieldBounds.RT_RW) String rw,
            @Schema(description = "The socio-economic attributes as a whole (absent values become unknown); when the "
                    + "object is absent the recorded ones stay")
            @Valid SocioEconomic socioEconomic,
            @Schema(description = "Why the data changes (alasan perubahan); kept in the household's change history",
                    examples = "hasil verifikasi lapangan: lantai sudah keramik, listrik naik ke 900 VA")
            @NotBlank @Size(max = REASON) String reason) {
    }

    /** A new desil from the quarterly DTSEN ranking; both null means "no desil yet". */
    @Schema(name = "SetDesil", description = "A desil from the quarterly DTSEN ranking for one quarter; desil and "
            + "desilPeriod come together, and both absent records that the family has no desil (yet).")
    public record SetDesil(
            @Min(1) @Max(10) Integer desil,
            @Pattern(regexp = QUARTER, message = Quarter.MESSAGE) String desilPeriod,
            @Schema(description = "Where the ranking comes from; kept in the desil history",
                    examples = "DTSEN triwulan 4 2025")
            @NotBlank @Size(max = 200) String source) {
    }

    /** Facts about a person that change over time; NIK, sex and birth date never do. */
    @Schema(name = "UpdatePerson", description = "The facts of a person that change over time, as they are now; NIK, sex, "
            + "birth date and birth place never change.")
    public record UpdatePerson(
            @NotBlank @Size(max = FieldBounds.NAME) String fullName,
            @Size(max = FieldBounds.ATTRIBUTE) String maritalStatus,
            @Size(max = FieldBounds.ATTRIBUTE) String education,
            @Size(max = FieldBounds.ATTRIBUTE) String occupation,
            @Size(max = FieldBounds.ATTRIBUTE) String disability,
            @Size(max = FieldBounds.EMPLOYMENT_FACTS) Set<EmploymentFact> employment,
            @Schema(description = "Why the data changes (alasan perubahan); kept in the person's change history",
                    examples = "SK pengangkatan perangkat desa diterima")
            @NotBlank @Size(max = REASON) String reason) {
    }

    @Schema(name = "Person", description = "A person (penduduk) by NIK with their facts and their place on their current KK.")
    public record PersonView(String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace,
            String maritalStatus, String education, String occupation, String disability,
            Set<EmploymentFact> employment, LifeStatus lifeStatus, LocalDate deathDate, long version,
            @Schema(description = "The household whose KK lists the person now; absent when the person is on no KK",
                    examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID currentHouseholdId,
            @Schema(description = "The person's relationship to the head of their current KK; absent when on no KK")
            Relationship relationship) {
    }

    /** A death, with the reference of the death certificate or village letter. */
    @Schema(name = "Death", description = "A death (kematian), with the document that records it.")
    public record Death(
            @Schema(description = "Date of death, not before the birth date and not in the future", examples = "2025-11-03")
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "Number of the death certificate (akta kematian) or of the village's death letter (surat "
                    + "keterangan kematian)", examples = "3320-KM-11112025-0042")
            @NotBlank @Size(max = 200) String reference) {
    }

    /** A person left for an unknown place (pindah, whereabouts not registered here). */
    @Schema(name = "Departure", description = "A person moved away (pindah) to a place this registry does not hold.")
    public record Departure(
            @Schema(description = "Date the person left, not before the birth date and not in the future",
                    examples = "2025-09-15")
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "Where to and why, as far as the village knows",
                    examples = "merantau ke Balikpapan, alamat tujuan belum diketahui")
            @NotBlank @Size(max = REASON) String reason) {
    }

    /**
     * Members leave a KK for a new one: a move to another address or village, or a family splitting off.
     * When the head leaves and others stay, {@code remainingHead} names who heads the old KK.
     */
    @Schema(name = "DetachMembers", description = "Members leave their KK for a new one (pindah or pecah KK). When the head "
            + "leaves and others stay, remainingHead names who heads the old KK; when everyone leaves, the old household is "
            + "dissolved and the new one keeps its socio-economic attributes and desil.")
    public record Detach(
            @Schema(description = "No. KK of the new family card: 16 digits beginning with a Kemendagri district code, on no "
                    + "active household", examples = "3320061011250007")
            @NotNull @Pattern(regexp = SIXTEEN_DIGITS, message = "must be 16 digits") String newNoKk,
            @Schema(description = "Village of the new KK; absent: the village of the old one. A split stays in the village",
                    examples = "33.20.06.2003")
            @Pattern(regexp = VILLAGE_CODE, message = "must be a village code like 33.20.01.2001") String villageCode,
            @Schema(description = "Address of the new KK; absent: the address of the old one",
                    examples = "Dk. Krajan, Jl. Kenanga No. 4")
            @Size(max = FieldBounds.ADDRESS) String address,
            @Schema(description = "RT of the new KK; absent: the RT of the old one", examples = "004")
            @Size(max = FieldBounds.RT_RW) String rt,
            @Schema(description = "RW of the new KK; absent: the RW of the old one", examples = "002")
            @Size(max = FieldBounds.RT_RW) String rw,
            @Schema(description = "NIKs of the current members who leave for the new KK", examples = "[\"3320061203900002\", "
                    + "\"3320065508920001\"]")
            @NotEmpty @Size(max = FieldBounds.MEMBERS) List<@Pattern(regexp = SIXTEEN_DIGITS) String> members,
            @Schema(description = "NIK of the head of the new KK, one of the members who leave", examples = "3320061203900002")
            @NotNull @Pattern(regexp = SIXTEEN_DIGITS) String newHead,
            @Schema(description = "NIK of the member who heads the old KK from now on; required when its head leaves and "
                    + "others stay", examples = "3320064107870001")
            @Pattern(regexp = SIXTEEN_DIGITS) String remainingHead,
            @Schema(description = "Date of the move or split; not in the future and not before any leaving member joined "
                    + "the old KK", examples = "2025-10-20")
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "Why, as the family or the village states it; kept in both households' change history",
                    examples = "anak menikah dan pisah KK")
            @NotBlank @Size(max = REASON) String reason) {
    }

    /** Two KKs become one: every current member of the source joins the target, the source is dissolved. */
    @Schema(name = "MergeHouseholds", description = "Another KK joins this one (gabung KK): every current member of the "
            + "source joins this KK with their relationship, its head with relationshipOfSourceHead, and the source is "
            + "dissolved.")
    public record Merge(
            @Schema(description = "The household whose members join this one; it is dissolved",
                    examples = "7d2e4c1a-8b3f-4e6d-a5c9-1f0b2d3e4a5b")
            @NotNull UUID sourceHouseholdId,
            @Schema(description = "What the head of the source KK becomes on this KK; not KEPALA_KELUARGA, since this KK keeps "
                    + "its head", examples = "ORANG_TUA")
            @NotNull Relationship relationshipOfSourceHead,
            @Schema(description = "Date of the merge; not in the future and not before any source member joined the source "
                    + "KK", examples = "2025-10-20")
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "Why, as the family or the village states it; kept in both households' change history",
                    examples = "orang tua yang sudah lanjut usia ikut KK anaknya")
            @NotBlank @Size(max = REASON) String reason) {
    }

    /** The result of a move, split or merge: every household it touched, as it is now. */
    @Schema(name = "LifeEventResult", description = "Every household a move, split or merge touched, as it is now.")
    public record LifeEventResult(
            @Schema(description = "Move or split: the old KK, then the new one. Merge: this KK, then the dissolved source")
            List<HouseholdView> households) {
    }

    /** One row of a search result: enough to pick the family, personal data masked unless in scope. */
    @Schema(name = "HouseholdSummary", description = "One family in a search result: enough to pick it, then read it "
            + "whole with getHousehold.")
    public record HouseholdSummary(
            @Schema(description = "Household id", examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID id,
            String noKk, String villageCode,
            @Schema(description = "Full name of the head of the family (kepala keluarga)", examples = "SLAMET RIYADI")
            String headName,
            @Schema(description = "Number of current members", examples = "4") int members,
            Integer desil, String desilPeriod,
            @Schema(description = "Always ACTIVE: a search finds active households only", enumeration = "ACTIVE",
                    examples = "ACTIVE") String status,
            @Schema(description = "How close the best-matching member name is to the name searched for (trigram "
                    + "similarity, 0 to 1); absent when no name was searched", examples = "0.73") Double nameScore) {
    }

    @Schema(name = "HouseholdSearchPage", description = "One page of a household search, best name match first, then by "
            + "village and No. KK.")
    public record SearchPage(List<HouseholdSummary> items, int page, int size, long total) {
    }

    /** The ministry's decision to erase a household registered in error. */
    @Schema(name = "EraseHousehold", description = "Why a household is erased, and the decision that orders it")
    public record EraseHousehold(
            @Schema(description = "Why the household is erased (alasan penghapusan); kept in the change history and "
                    + "the audit log, so it must not repeat personal data", examples = "KK fiktif: tidak ditemukan saat "
                    + "verifikasi lapangan, didaftarkan ganda oleh operator")
            @NotBlank @Size(min = 10, max = REASON) String reason,
            @Schema(description = "The decision that orders the erasure (nomor surat / berita acara)",
                    examples = "BA-VERVAL/3320/2025/117")
            @NotBlank @Size(max = 100) String reference) {
    }

    /** What an erasure removed from the registry; the other services follow through the tombstone. */
    @Schema(name = "HouseholdErasure", description = "What erasing the household removed from the registry. The other "
            + "services erase their copies when they read the tombstone on registry.households.v1.")
    public record Erasure(
            @Schema(description = "The household erased; reads of it now answer 404") UUID householdId,
            @Schema(description = "When it was erased") java.time.Instant erasedAt,
            @Schema(description = "Who erased it (the token's subject)", maxLength = 200) String erasedBy,
            @Schema(description = "Why", maxLength = REASON) String reason,
            @Schema(description = "The decision that ordered it", maxLength = 100) String reference,
            @Schema(description = "Persons removed: the members who never belonged to another household; members of "
                    + "other households keep their records there", minimum = "0") int personsErased,
            @Schema(description = "Membership rows removed (current and past)", minimum = "0") int membershipsRemoved,
            @Schema(description = "Change-history entries removed (the household's and the removed persons'); one "
                    + "entry ERASED, without personal data, records the erasure", minimum = "0") int historyEntriesRemoved,
            @Schema(description = "DCI notifications about the household withdrawn before delivery", minimum = "0")
            int notificationsWithdrawn) {
    }
}
