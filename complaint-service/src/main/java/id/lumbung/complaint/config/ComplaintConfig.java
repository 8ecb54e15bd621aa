package id.lumbung.complaint.config;

import id.lumbung.complaint.domain.SlaPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service levels of cases, from configuration so that a region or a new regulation changes data, not code. */
@ConfigMapping(prefix = "lumbung.complaint")
public interface ComplaintConfig {

    Sla sla();

    interface Sla {
        /** A sanggah not verified within this is void (Cek Bansos: 14 days). */
        @WithDefault("P14D")
        Duration sanggahVerify();

        /** SP4N-LAPOR: a complaint is verified within 3 days. */
        @WithDefault("P3D")
        Duration aduanVerify();

        /** SP4N-LAPOR: the agency follows up within 5 days of verification. */
        @WithDefault("P5D")
        Duration aduanFollowUp();

        /** SP4N-LAPOR: the reporter may answer a decision within 10 days. */
        @WithDefault("P10D")
        Duration appealWindow();

        /** How often overdue sanggah are voided; {@code off} disables the schedule. */
        @WithDefault("15m")
        String sweepEvery();

        default SlaPolicy policy() {
            return new SlaPolicy(sanggahVerify(), aduanVerify(), aduanFollowUp(), appealWindow());
        }
    }
}
