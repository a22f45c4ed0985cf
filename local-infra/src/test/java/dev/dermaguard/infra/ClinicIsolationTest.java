package dev.dermaguard.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dermaguard.contract.Topics;

/**
 * The local broker's ACLs against real clients: a clinic's SCRAM user reads its own topic and is refused
 * everything else, a service is refused what it was not granted, and onboarding and offboarding give and take
 * a clinic's access. One broker for the class, as the test resource starts it.
 */
class ClinicIsolationTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ScramUser DEMO = ScramUser.CLINICS.get(0);
    private static final ScramUser OTHER = ScramUser.CLINICS.get(1);

    @TempDir
    static Path workDir;

    private static LocalKafka kafka;
    private static String clinicListener;
    private static String servicesListener;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.start(LocalKafka.Listeners.free(), workDir, Infrastructure.PARTITIONS, Infrastructure.topics());
        clinicListener = kafka.clinicBootstrapServers().orElseThrow();
        servicesListener = kafka.servicesBootstrapServers();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aClinicReadsItsOwnTopicReadCommittedInAGroupOfItsPrefix() throws Exception {
        String key = publishAsSuperUser(Topics.clinicAlerts(DEMO.name()));

        try (KafkaConsumer<String, String> clinic = consumer(clinicListener, DEMO, DEMO.name() + ".dashboard")) {
            awaitRecord(clinic, Topics.clinicAlerts(DEMO.name()), key);
            clinic.commitSync();
        }
    }

    @Test
    void aClinicIsRefusedEveryOtherTopic() {
        for (String topic : List.of(Topics.clinicAlerts(OTHER.name()), Topics.ALERTS, Topics.EVENTS, Topics.RISK_ASSESSMENTS,
                Topics.EVENTS + Topics.DLQ_SUFFIX, Topics.outboxProgress(KafkaAcls.NOTIFY_OUTBOX))) {
            TopicAuthorizationException refused = assertInstanceOf(TopicAuthorizationException.class,
                    subscribeFailure(clinicListener, DEMO, DEMO.name() + ".dashboard", topic), topic);
            assertEquals(Set.of(topic), refused.unauthorizedTopics());
        }
    }

    @Test
    void aClinicIsRefusedAGroupOutsideItsPrefix() {
        for (String group : List.of(OTHER.name() + ".dashboard", DEMO.name(), DEMO.name() + "-x.dashboard", "notify-service")) {
            assertInstanceOf(GroupAuthorizationException.class,
                    subscribeFailure(clinicListener, DEMO, group, Topics.clinicAlerts(DEMO.name())), group);
        }
    }

    @Test
    void aClinicMayWriteNowhereNotEvenToItsOwnTopic() {
        for (String topic : List.of(Topics.clinicAlerts(DEMO.name()), Topics.EVENTS, Topics.ALERTS)) {
            assertInstanceOf(AuthorizationException.class, produceFailure(clinicListener, DEMO, topic), topic);
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        ScramUser impostor = new ScramUser(DEMO.name(), "not-" + DEMO.password());
        assertInstanceOf(AuthenticationException.class,
                subscribeFailure(clinicListener, impostor, DEMO.name() + ".dashboard", Topics.clinicAlerts(DEMO.name())));
        // Another clinic's password is as wrong as any other.
        assertInstanceOf(AuthenticationException.class, subscribeFailure(clinicListener,
                new ScramUser(DEMO.name(), OTHER.password()), DEMO.name() + ".dashboard", Topics.clinicAlerts(DEMO.name())));
    }

    @Test
    void aServiceIsRefusedWhatItWasNotGranted() {
        ScramUser intake = ScramUser.service(KafkaAcls.INTAKE_SERVICE);
        assertInstanceOf(AuthorizationException.class,
                subscribeFailure(servicesListener, intake, "risk-service", Topics.EVENTS), "intake-service reads no events");
        assertInstanceOf(AuthorizationException.class, produceFailure(servicesListener, intake, Topics.ALERTS),
                "intake-service writes no alerts");
        ScramUser risk = ScramUser.service(KafkaAcls.RISK_SERVICE);
        assertInstanceOf(AuthorizationException.class, produceFailure(servicesListener, risk, Topics.EVENTS),
                "risk-service forges no events");
        assertInstanceOf(TopicAuthorizationException.class,
                subscribeFailure(servicesListener, ScramUser.service(KafkaAcls.NOTIFY_SERVICE), "notify-service",
                        Topics.clinicAlerts(DEMO.name())), "notify-service writes clinic topics but reads none");
    }

    @Test
    void aServiceDoesWhatItWasGranted() throws Exception {
        try (KafkaProducer<String, String> intake = producer(servicesListener, ScramUser.service(KafkaAcls.INTAKE_SERVICE))) {
            intake.send(new ProducerRecord<>(Topics.EVENTS, "demo-app:u-1", "{}")).get();
        }
    }

    @Test
    void onboardingGivesANewClinicItsTopicAndOffboardingTakesEverythingBack() throws Exception {
        ScramUser newcomer = new ScramUser("clinic-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString());
        String topic = Topics.clinicAlerts(newcomer.name());
        try (Admin admin = KafkaAdmin.connect(kafka.bootstrapServers())) {
            ClinicAccess access = new ClinicAccess(admin);
            access.onboard(newcomer);

            assertEquals(Infrastructure.PARTITIONS, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
            String key = publishAsSuperUser(topic);
            try (KafkaConsumer<String, String> clinic = consumer(clinicListener, newcomer, newcomer.name() + ".dashboard")) {
                awaitRecord(clinic, topic, key);
            }
            assertInstanceOf(TopicAuthorizationException.class,
                    subscribeFailure(clinicListener, newcomer, newcomer.name() + ".dashboard", Topics.clinicAlerts(DEMO.name())));

            access.offboard(newcomer.name());

            assertFalse(admin.listTopics().names().get().contains(topic), "its topic is gone");
            assertTrue(admin.describeAcls(KafkaAcls.ofPrincipal(newcomer.name())).values().get().isEmpty(), "its ACLs are gone");
            assertInstanceOf(AuthenticationException.class,
                    subscribeFailure(clinicListener, newcomer, newcomer.name() + ".dashboard", topic), "its user is gone");
            // Again, with nothing left to remove: an offboarding cut short can simply be run once more.
            access.offboard(newcomer.name());
        }
    }

    @Test
    void onboardingRefusesAClinicIdKafkaWouldConfuse() {
        for (String id : List.of("", "demo.clinic", "demo_clinic", "Demo", "a".repeat(49))) {
            assertThrows(IllegalArgumentException.class, () -> ClinicAccess.requireValidId(id), id);
        }
        assertEquals("a".repeat(48), ClinicAccess.requireValidId("a".repeat(48)));
    }

    private static void awaitRecord(KafkaConsumer<String, String> consumer, String topic, String key) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().anyMatch(record -> record.key().equals(key));
        });
    }

    /** The first error a consumer meets, polling until it meets one (a refusal comes with the first metadata). */
    private static KafkaException subscribeFailure(String listener, ScramUser user, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(listener, user, group)) {
            consumer.subscribe(List.of(topic));
            KafkaException[] failure = new KafkaException[1];
            await().atMost(WITHIN).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return false;
                } catch (KafkaException e) {
                    failure[0] = e;
                    return true;
                }
            });
            return failure[0];
        }
    }

    private static Throwable produceFailure(String listener, ScramUser user, String topic) {
        try (KafkaProducer<String, String> producer = producer(listener, user)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "forged", "{}")).get());
            return failed.getCause();
        }
    }

    private static String publishAsSuperUser(String topic) throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "{\"risk\":\"HEALING_GAP\"}")).get();
        }
        return key;
    }

    private static KafkaConsumer<String, String> consumer(String listener, ScramUser user, String group) {
        Map<String, Object> config = scram(listener, user);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(String listener, ScramUser user) {
        Map<String, Object> config = scram(listener, user);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> scram(String listener, ScramUser user) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, listener);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, ScramUser.MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, user.jaasConfig());
        return config;
    }
}
