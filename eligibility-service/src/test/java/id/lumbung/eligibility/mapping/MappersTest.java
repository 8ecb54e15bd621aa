package id.lumbung.eligibility.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.domain.policy.IncomeBelowPovertyLine;
import id.lumbung.eligibility.domain.policy.NoOtherAid;
import id.lumbung.eligibility.domain.policy.VulnerableMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String JEPARA_SEMBAKO = """
            {"desil": {"min": 1, "max": 4},
             "exclusions": ["ASN", "PERANGKAT_DESA"],
             "requires": [{"condition": "VULNERABLE_MEMBER", "elderlyAge": 60, "childUnderAge": 6, "disability": true},
                          {"condition": "INCOME_BELOW_POVERTY_LINE", "povertyLinePerCapita": 480000},
                          {"condition": "NO_OTHER_AID"}],
             "componentsPerYear": {"LANSIA": 2400000}}""";

    static final String HOUSEHOLD = """
            {"householdId": "7f0c1a52-0000-4000-8000-000000000001", "noKk": "3320060101200001",
             "villageCode": "33.20.06.1001", "desil": 3, "desilPeriod": "2025-Q4", "status": "ACTIVE", "version": 2,
             "kksCard": true, "monthlyIncome": 900000,
             "members": [{"nik": "3320060107850001", "fullName": "SLAMET RIYADI", "sex": "MALE", "birthDate": "1985-07-01",
                          "relationship": "KEPALA_KELUARGA", "disability": null, "employment": ["ASN"],
                          "lifeStatus": "ALIVE", "deathDate": null},
                         {"nik": "3320064107870001", "fullName": "SITI AMINAH", "sex": "FEMALE", "birthDate": "1987-07-01",
                          "relationship": "ISTRI", "disability": null, "employment": [],
                          "lifeStatus": "DECEASED", "deathDate": "2025-03-01"}]}""";

    @Test
    void aRuleDocumentBecomesItsPolicies() throws Exception {
        var rule = RuleMapper.rule("SEMBAKO", 2, "33.20", "2025-Q4", JSON.readTree(JEPARA_SEMBAKO));
        assertThat(rule.regionPrefix()).contains("33.20");
        assertThat(rule.desilBand()).hasValueSatisfying(b -> assertThat(b.max()).isEqualTo(4));
        assertThat(rule.requiredConditions()).containsExactly(new VulnerableMember(60, 6, true),
                new IncomeBelowPovertyLine(480_000), new NoOtherAid());
        assertThat(rule.appliesTo("33.20.06.1001")).isTrue();
        assertThat(rule.appliesTo("33.2")).isFalse();
        assertThat(rule.appliesTo("33.21.01.2001")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"exclusions\": [\"PETANI\"]}|unknown employment fact",
            "{\"requires\": [{\"condition\": \"PUNYA_SAWAH\"}]}|unknown condition",
            "{\"requires\": [{\"elderlyAge\": 60}]}|names its condition",
            "{\"desil\": {\"min\": 0, \"max\": 4}}|desil band",
            "{\"notCombinedWith\": \"PKH\"}|must be a list" })
    void aMalformedRuleDocumentIsRefused(String document, String message) throws Exception {
        var rules = JSON.readTree(document);
        assertThatThrownBy(() -> RuleMapper.rule("X", 1, null, "2025-Q4", rules))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aRegistryEventBecomesAHousehold() throws Exception {
        var household = HouseholdEventMapper.household(JSON.readTree(HOUSEHOLD));
        assertThat(household.registryVersion()).isEqualTo(2);
        assertThat(household.desil()).isEqualTo(3);
        assertThat(household.monthlyIncome()).isEqualTo(900_000L);
        assertThat(household.members()).hasSize(2);
        assertThat(household.members().get(0).employment()).containsExactly("ASN");
        assertThat(household.members().get(1).lifeStatus()).isEqualTo(LifeStatus.DECEASED);
        assertThat(household.countedMembers()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "householdId|not-a-uuid|householdId must be a UUID",
            "villageCode|33.20|villageCode",
            "status|GONE|status must be one of",
            "desil|11|desil must be between 1 and 10",
            "desilPeriod|Q4-2025|desilPeriod",
            "noKk|123|noKk" })
    void aMalformedRegistryEventIsRefusedNamingTheFieldNotThePerson(String field, String value, String message)
            throws Exception {
        var data = (ObjectNode) JSON.readTree(HOUSEHOLD);
        if (field.equals("desil")) {
            data.put(field, Integer.parseInt(value));
        } else {
            data.put(field, value);
        }
        assertThatThrownBy(() -> HouseholdEventMapper.household(data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .hasMessageNotContaining("SLAMET");
    }

    @Test
    void aMemberWithoutNikOrLifeStatusIsRefused() throws Exception {
        var data = (ObjectNode) JSON.readTree(HOUSEHOLD);
        ((ObjectNode) data.get("members").get(1)).remove("lifeStatus");
        assertThatThrownBy(() -> HouseholdEventMapper.household(data)).hasMessageContaining("lifeStatus");
        ((ObjectNode) data.get("members").get(1)).put("lifeStatus", "ALIVE").put("nik", "12");
        assertThatThrownBy(() -> HouseholdEventMapper.household(data)).hasMessageContaining("members[1].nik");
    }
}
