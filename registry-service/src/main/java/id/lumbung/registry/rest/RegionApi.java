package id.lumbung.registry.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Kemendagri region as the API shows it. */
@Schema(name = "Region", description = "A Kemendagri region (wilayah): province, regency or city, district (kecamatan) "
        + "or village (desa/kelurahan).")
public record RegionApi(
        @Schema(description = "Kemendagri code in dotted form", examples = "33.20.06.1001") String code,
        @Schema(description = "Name as in the Kemendagri list", examples = "Karangkebagusan") String name,
        @Schema(description = "Level of the region", enumeration = { "PROVINCE", "REGENCY", "DISTRICT", "VILLAGE" },
                examples = "VILLAGE") String level,
        @Schema(description = "Code of the enclosing region; absent for a province", examples = "33.20.06")
        String parentCode) {
}
