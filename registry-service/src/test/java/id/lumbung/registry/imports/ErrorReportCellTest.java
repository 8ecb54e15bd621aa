package id.lumbung.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bad-row report opens in a spreadsheet: what an uploader wrote is shown, never run as a formula. */
class ErrorReportCellTest {

    @Test
    void aValueASpreadsheetWouldRunIsShownAsText() {
        assertThat(ImportJobs.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ImportJobs.csv("+62 812")).isEqualTo("\"'+62 812\"");
        assertThat(ImportJobs.csv("-1+1")).isEqualTo("\"'-1+1\"");
        assertThat(ImportJobs.csv("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ImportJobs.csv("\tx")).isEqualTo("\"'\tx\"");
    }

    @Test
    void anOrdinaryValueIsQuotedAsItIs() {
        assertThat(ImportJobs.csv("332005**********")).isEqualTo("\"332005**********\"");
        assertThat(ImportJobs.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ImportJobs.csv("")).isEqualTo("\"\"");
        assertThat(ImportJobs.csv(null)).isEmpty();
    }
}
