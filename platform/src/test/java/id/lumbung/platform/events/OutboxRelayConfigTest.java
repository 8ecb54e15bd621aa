package id.lumbung.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The relay's producer takes the service's Kafka security settings, as deploy/compose and deploy/k8s give them. */
class OutboxRelayConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"registry-service\" password=\"secret\";";

    @Test
    void producerCarriesTheSecuritySettings() {
        // the default-kafka-broker map of a service in deploy/k8s: KAFKA_* variables as client properties
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "lumbung-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/lumbung/kafka-ca/ca.crt",
                "ssl.endpoint.identification.algorithm", "https");

        var config = OutboxRelay.producerConfig(kafka);

        assertThat(config)
                .containsEntry("bootstrap.servers", "lumbung-kafka-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/lumbung/kafka-ca/ca.crt")
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                // the outbox's guarantees stay on top of whatever the service configures
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }

    @Test
    void outboxGuaranteesWinOverTheServiceConfiguration() {
        var config = OutboxRelay.producerConfig(Map.of("bootstrap.servers", "kafka:9092", "acks", "1",
                "enable.idempotence", "false", "client.id", "registry-relay"));

        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("client.id", "registry-relay");
    }

    @Test
    void kafkaAcceptsTheComposeSettings() {
        // deploy/compose: SASL_PLAINTEXT with the service's SCRAM user; the client is built, nothing is sent
        assertBuilds(Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "group.id", "registry-service"));
    }

    @Test
    void kafkaAcceptsTheLocalDefaults() {
        // ./lumbung run in the prod profile: PLAINTEXT with the empty SASL defaults of application.properties
        assertBuilds(Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "PLAINTEXT",
                "sasl.mechanism", "GSSAPI", "sasl.jaas.config", "", "group.id", "registry-service"));
    }

    private static void assertBuilds(Map<String, Object> kafka) {
        assertThatCode(() -> new KafkaProducer<>(OutboxRelay.producerConfig(kafka), new StringSerializer(),
                new ByteArraySerializer()).close(Duration.ZERO)).doesNotThrowAnyException();
    }
}
