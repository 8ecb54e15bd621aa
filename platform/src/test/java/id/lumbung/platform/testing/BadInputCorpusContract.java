package id.lumbung.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's own OpenAPI document, walked with hostile and careless input ({@link BadInputCorpus}).
 * A service's test extends it and is a {@code @QuarkusTest}.
 */
public abstract class BadInputCorpusContract {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrAnythingButAProblemAndNoRefusedRequestWrites() throws Exception {
        var findings = BadInputCorpus.walk(dataSource, Set.of());
        assertThat(findings).as(String.join("\n", findings.stream().map(Object::toString).toList())).isEmpty();
    }
}
