package id.lumbung.platform.testing;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * For the consumer tests: a rule a test can put on a table and lift again (the "cause" of a quarantined event and
 * its fix), the quarantine as the ministry sees it, and its replay through the API.
 */
public final class Quarantined {

    private Quarantined() {
    }

    /**
     * Refuses, with a check violation, every row written to {@code table} for which {@code condition} (on
     * {@code new}) holds, until {@link #lift} — the stand-in for a rule the consumer's database enforces.
     */
    public static void refuse(AgroalDataSource dataSource, String table, String condition) {
        sql(dataSource, """
                create or replace function test_refuse_%1$s() returns trigger language plpgsql as $$
                begin
                    if %2$s then
                        raise exception 'test rule refuses this %1$s row' using errcode = '23514';
                    end if;
                    return new;
                end $$;
                drop trigger if exists test_refuse on %1$s;
                create trigger test_refuse before insert or update on %1$s for each row execute function test_refuse_%1$s();
                """.formatted(table, condition));
    }

    public static void lift(AgroalDataSource dataSource, String table) {
        sql(dataSource, "drop trigger if exists test_refuse on " + table);
    }

    /** Waits until {@code consumer} holds the event in quarantine with {@code status}; returns its entry id. */
    public static long await(AgroalDataSource dataSource, String consumer, String eventId, String status) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select id, status from event_quarantine where consumer = ? and event_id = ?")) {
                s.setString(1, consumer);
                s.setString(2, eventId);
                try (var rs = s.executeQuery()) {
                    if (rs.next() && rs.getString(2).equals(status)) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(200);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("event " + eventId + " is not " + status + " in " + consumer + "'s quarantine within 60 s");
    }

    /** The entry as {@code GET /api/v1/quarantined-events/{id}} shows it to the ministry. */
    public static JsonPath view(long id) {
        return given().header("Authorization", TestTokens.bearer("kemensos"))
                .get("/api/v1/quarantined-events/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Replays through the API; returns the outcome. */
    public static JsonPath replay(long id) {
        return given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id).then().statusCode(200).extract().jsonPath();
    }

    /** How many times the consumer recorded the event in its inbox (exactly once, whatever happened). */
    public static long inboxed(AgroalDataSource dataSource, String consumer, String eventId) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(AgroalDataSource dataSource, String statement) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
