package id.lumbung.eligibility.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A family (KK) as the eligibility rules see it: the registry's state at {@code registryVersion}. */
public record Household(UUID id, String noKk, String villageCode, Integer desil, String desilPeriod,
        HouseholdStatus status, long registryVersion, boolean kksCard, Long monthlyIncome, List<Member> members) {

    public Household {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(status, "status");
        members = List.copyOf(members);
    }

    /** The members the rules count: alive and still living with the family. */
    public List<Member> countedMembers() {
        return members.stream().filter(Member::counts).toList();
    }
}
