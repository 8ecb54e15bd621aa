package id.lumbung.disbursement.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Who may collect an order: the recipient by NIK, or a kuasa (proxy) who is a member of the same KK,
 * shows that KK's number and has not died or moved out since the list was made.
 */
public final class PresenterCheck {

    /** The order as the counter sees it. */
    public record Entitled(String recipientNik, String noKk, Set<String> memberNiks, Set<String> departedNiks) {
    }

    /** The person in front of the officer. */
    public record Presenter(String nik, PresenterRole role, String noKk) {
    }

    private PresenterCheck() {
    }

    /** Why this presenter may not collect this order, or empty when they may. */
    public static Optional<Refusal> check(Entitled order, Presenter presenter) {
        if (presenter.role() == PresenterRole.RECIPIENT) {
            return presenter.nik().equals(order.recipientNik())
                    ? Optional.empty()
                    : Optional.of(new Refusal("NOT_RECIPIENT", "the NIK shown is not the recipient's NIK on this order"));
        }
        if (presenter.noKk() == null || presenter.noKk().isBlank()) {
            return Optional.of(new Refusal("KK_REQUIRED", "a kuasa must show the family's KK number"));
        }
        if (!presenter.noKk().equals(order.noKk())) {
            return Optional.of(new Refusal("KK_MISMATCH", "the KK shown is not the family's KK on this order"));
        }
        if (!order.memberNiks().contains(presenter.nik()) && !presenter.nik().equals(order.recipientNik())) {
            return Optional.of(new Refusal("NOT_A_MEMBER", "the kuasa is not a member of the family's KK"));
        }
        if (order.departedNiks().contains(presenter.nik())) {
            return Optional.of(new Refusal("MEMBER_DEPARTED",
                    "the registry reports this member as deceased or moved out of the KK"));
        }
        return Optional.empty();
    }
}
