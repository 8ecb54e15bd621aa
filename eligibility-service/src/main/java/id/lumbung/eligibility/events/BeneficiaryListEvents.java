package id.lumbung.eligibility.events;

import id.lumbung.eligibility.persistence.BeneficiaryListEntity;
import id.lumbung.eligibility.persistence.BeneficiaryLists;
import id.lumbung.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code eligibility.beneficiary-lists.v1}: a finalized list, keyed by list id, in chunks of at most 1,000
 * beneficiaries so that no record grows past what a broker and a consumer handle comfortably.
 */
@ApplicationScoped
public class BeneficiaryListEvents {

    public static final String TOPIC = "eligibility.beneficiary-lists.v1";
    public static final String FINALIZED = "id.lumbung.eligibility.beneficiary-list.finalized";
    static final int MAX_CHUNK = 1000;

    public record MemberData(String nik, String relationship) {
    }

    public record BeneficiaryData(UUID householdId, String noKk, String villageCode, Integer desil, boolean kksCard,
            String recipientNik, String recipientName, List<MemberData> members) {
    }

    /** The event data, as the contract states it. */
    public record ListFinalized(UUID listId, String programCode, String period, String regionCode, long amountPerMonth,
            int months, boolean lumpSum, Instant finalizedAt, int chunkIndex, int chunkCount, int totalBeneficiaries,
            List<BeneficiaryData> beneficiaries) {
    }

    private final Outbox outbox;
    private final BeneficiaryLists lists;
    private final int chunkSize;

    public BeneficiaryListEvents(Outbox outbox, BeneficiaryLists lists,
            @ConfigProperty(name = "lumbung.beneficiary-list.chunk-size", defaultValue = "1000") int chunkSize) {
        this.outbox = outbox;
        this.lists = lists;
        this.chunkSize = Math.max(1, Math.min(MAX_CHUNK, chunkSize));
    }

    /** Publishes the whole list; an empty list is one chunk with no beneficiaries, so the receiver hears of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int finalized(BeneficiaryListEntity list) {
        int total = list.totalBeneficiaries;
        int chunks = Math.max(1, (total + chunkSize - 1) / chunkSize);
        for (int i = 0; i < chunks; i++) {
            var beneficiaries = lists.entries(list.id, i * chunkSize + 1, chunkSize).stream()
                    .map(e -> new BeneficiaryData(e.householdId(), e.noKk(), e.villageCode(), e.desil(), e.kksCard(),
                            e.recipientNik(), e.recipientName(),
                            e.members().stream().map(m -> new MemberData(m.get("nik"), m.get("relationship"))).toList()))
                    .toList();
            outbox.publish(TOPIC, list.id.toString(), FINALIZED, new ListFinalized(list.id, list.programCode, list.period,
                    list.regionCode, list.amountPerMonth, list.months, list.lumpSum, list.finalizedAt, i, chunks, total,
                    beneficiaries));
        }
        return chunks;
    }
}
