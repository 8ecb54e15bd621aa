package id.lumbung.disbursement.events;

/**
 * {@code disbursement.payments.v1} events for many orders in the statement that changes them: the same
 * CloudEvents envelope and data as {@link PaymentEvents}, built by the database into the outbox, so a
 * plan of a million orders never round-trips row by row.
 */
public final class BulkEvents {

    /** As {@code Outbox} names this service. */
    static final String SOURCE = "/lumbung/disbursement-service";

    private BulkEvents() {
    }

    /**
     * An {@code insert into outbox_event} from {@code rows}, a CTE with the columns order_id, plan_id,
     * household_id, village_code, amount, status, reason and at (timestamptz).
     */
    public static String insertFrom(String rows, String type) {
        return """
                insert into outbox_event (id, topic, event_key, event_type, payload)
                select e.event_id, '%1$s', cast(e.order_id as text), '%2$s', jsonb_build_object(
                    'specversion', '1.0', 'id', e.event_id, 'source', '%3$s', 'type', '%2$s',
                    'subject', cast(e.order_id as text), 'time', e.at, 'datacontenttype', 'application/json',
                    'data', jsonb_build_object('orderId', e.order_id, 'planId', e.plan_id, 'listId', p.list_id,
                        'programCode', p.program_code, 'period', p.period, 'householdId', e.household_id,
                        'villageCode', e.village_code, 'amount', e.amount, 'status', e.status, 'at', e.at,
                        'reason', e.reason))
                from (select gen_random_uuid() as event_id, r.* from %4$s r) e
                join disbursement_plan p on p.id = e.plan_id
                """.formatted(PaymentEvents.TOPIC, type, SOURCE, rows);
    }
}
