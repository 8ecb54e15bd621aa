package id.lumbung.eligibility.rest;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.testing.BadInputCorpus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operation of this service's OpenAPI document, walked with hostile and careless input. */
@QuarkusTest
class BadInputCorpusTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrAnythingButAProblemAndNoRefusedRequestWrites() throws Exception {
        var findings = BadInputCorpus.walk(dataSource, Set.of());
        assertThat(findings).as(String.join("\n", findings.stream().map(Object::toString).toList())).isEmpty();
    }
}
