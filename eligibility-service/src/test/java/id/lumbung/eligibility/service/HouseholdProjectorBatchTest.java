package id.lumbung.eligibility.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many household states projected as one set decide exactly what one-by-one projection decides: newer states
 * stored with their members, older ones ignored, six national programs decided and announced per household.
 */
@QuarkusTest
class HouseholdProjectorBatchTest {

    static final String DEMAK = "33.21.01.2001";
    static final int NATIONAL_PROGRAMS = 6;

    @Inject
    HouseholdProjector projector;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSetOfStatesIsDecidedLikeOneByOneAndOlderStatesAreIgnored() throws Exception {
        var builders = IntStream.range(0, 40).mapToObj(i -> Projected.in(DEMAK, 1 + i % 10).head("KEPALA " + i)
                .wife("ISTRI " + i).child("ANAK " + i, LocalDate.of(2021, 3, 3))).toList();
        // one household is already projected at a newer version than the set brings
        var ahead = builders.get(0);
        ahead.changed(3);
        ahead.changed(2);
        var newest = ahead.household();
        QuarkusTransaction.requiringNew().run(() -> Projected.project(projector, newest));
        var stale = new Household(newest.id(), newest.noKk(), newest.villageCode(), 9, "2025-Q4", newest.status(), 1,
                newest.kksCard(), newest.monthlyIncome(), newest.members());

        var incoming = new ArrayList<HouseholdProjections.Incoming>();
        incoming.add(new HouseholdProjections.Incoming(stale, SyntheticHouseholds.membersJson(stale)));
        builders.stream().skip(1).map(Projected.Builder::household)
                .forEach(h -> incoming.add(new HouseholdProjections.Incoming(h, SyntheticHouseholds.membersJson(h))));

        int projected = QuarkusTransaction.requiringNew().call(() -> projector.project(incoming));

        assertThat(projected).isEqualTo(39);
        var others = builders.stream().skip(1).map(Projected.Builder::id).toList();
        assertThat(count("select count(*) from determination where household_id = any (?)", others))
                .isEqualTo(39L * NATIONAL_PROGRAMS);
        assertThat(count("select count(*) from projection_member where household_id = any (?)", others))
                .isEqualTo(39L * 3);
        assertThat(count("""
                select count(*) from outbox_event where topic = 'eligibility.determinations.v1'
                and split_part(event_key, '/', 1) = any (select unnest(?::uuid[])::text)""", others)).isEqualTo(39L * NATIONAL_PROGRAMS);
        // desil 1-4 are in the BLTS band, 5-10 are not: the same split as one-by-one evaluation gives
        assertThat(count("""
                select count(*) from determination where household_id = any (?) and program_code = 'BLTS_KESRA_2025'
                and eligible""", others)).isEqualTo(IntStream.range(1, 40).filter(i -> 1 + i % 10 <= 4).count());

        // the household ahead keeps its newer state, its determinations and its events (one round, not two)
        assertThat(count("select count(*) from determination where household_id = any (?) and registry_version = 2",
                List.of(newest.id()))).isEqualTo(NATIONAL_PROGRAMS);
        assertThat(count("select count(*) from household_projection where household_id = any (?) and desil = 2",
                List.of(newest.id()))).isEqualTo(1);
        assertThat(count("""
                select count(*) from outbox_event where topic = 'eligibility.determinations.v1'
                and split_part(event_key, '/', 1) = any (select unnest(?::uuid[])::text)""", List.of(newest.id()))).isEqualTo(NATIONAL_PROGRAMS);

        // the same set again changes nothing
        assertThat(QuarkusTransaction.requiringNew().call(() -> projector.project(incoming))).isZero();
    }

    long count(String sql, List<UUID> ids) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
