package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static dev.dermaguard.intake.rest.Requests.asApp;
import static dev.dermaguard.intake.rest.Requests.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.intake.IntakeInfrastructure;
import dev.dermaguard.intake.service.EventPublisher;
import dev.dermaguard.testsupport.TopicClient;

/**
 * The event endpoints against a real broker: what is accepted is on the topic, what is not is a clear 4xx. A batch
 * is all or nothing, names every bad item, and keeps each user's events in the order posted.
 */
@QuarkusTest
@IntakeInfrastructure
class EventResourcesTest {

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    TopicClient topics;
    private final String user = "u-" + UUID.randomUUID();

    @Test
    void anAcceptedSessionIsOnTheTopicWithTheAppIdFromTheKey() {
        UUID eventId = UUID.randomUUID();
        asApp().body(session(eventId, user))
                .when().post("/v1/sessions")
                .then().statusCode(202).body("eventId", equalTo(eventId.toString())).body("status", equalTo("ACCEPTED"));

        ConsumerRecord<String, String> record = topics.read(Topics.EVENTS,
                r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID))).get(0);
        assertEquals("demo-app:" + user, record.key());
        assertEquals(EventTypes.SESSION_LOGGED, TopicClient.header(record, CloudEventHeaders.TYPE));
        assertEquals("1.0", TopicClient.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", TopicClient.header(record, CloudEventHeaders.CONTENT_TYPE));
        // The source names the app: two apps' events may share an id, never (ce_source, ce_id).
        assertEquals("/dermaguard/apps/demo-app", TopicClient.header(record, CloudEventHeaders.SOURCE));
        assertTrue(record.value().contains("\"appId\":\"demo-app\""), record.value());
    }

    @Test
    void theProducerWaitsForAllReplicasAndIsIdempotent() {
        Map<String, ?> producer = kafkaClients.getProducer(EventPublisher.CHANNEL).configuration();
        assertEquals("all", String.valueOf(producer.get(ProducerConfig.ACKS_CONFIG)));
        assertEquals("true", String.valueOf(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)));
    }

    @Test
    void rePostingAnEventIdIsAcceptedAgain() {
        String body = session(UUID.randomUUID(), user);
        asApp().body(body).when().post("/v1/sessions").then().statusCode(202);
        asApp().body(body).when().post("/v1/sessions").then().statusCode(202).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void anInvalidSessionIsAProblemNamingTheFieldAndIsNotPublished() {
        UUID eventId = UUID.randomUUID();
        asApp().body(session(eventId, user).replace("0.5", "3.5"))
                .when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("needleDepthMm"));

        assertTrue(topics.read(Topics.EVENTS, r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)))
                .isEmpty());
    }

    @Test
    void anAppIdInTheBodyIsRejectedNotTrusted() {
        String body = session(UUID.randomUUID(), user).replace("{", "{\"appId\":\"other-app\",");
        asApp().body(body)
                .when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("appId"));
    }

    @Test
    void aCheckInAndAConsentArePublishedWithTheirOwnTypes() {
        UUID checkIn = UUID.randomUUID();
        asApp()
                .body("""
                        {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["REDNESS","PUS"]}
                        """.formatted(checkIn, user, Requests.aMinuteAgo()))
                .when().post("/v1/check-ins")
                .then().statusCode(202).body("eventId", equalTo(checkIn.toString()));
        UUID consent = UUID.randomUUID();
        asApp()
                .body("""
                        {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","granted":true,"changedAt":"%s"}
                        """.formatted(consent, user, Requests.aMinuteAgo()))
                .when().post("/v1/consents")
                .then().statusCode(202).body("eventId", equalTo(consent.toString()));

        assertEquals(EventTypes.CHECKIN_REPORTED, TopicClient.header(published(checkIn), CloudEventHeaders.TYPE));
        assertEquals(EventTypes.CONSENT_CHANGED, TopicClient.header(published(consent), CloudEventHeaders.TYPE));
        assertEquals("demo-app:" + user, published(consent).key());
    }

    @Test
    void aCheckInThatNamesASymptomTwiceOrAConsentWithoutItsDecisionIsRejected() {
        asApp()
                .body("""
                        {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["PUS","PUS"]}
                        """.formatted(UUID.randomUUID(), user, Requests.aMinuteAgo()))
                .when().post("/v1/check-ins")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("symptoms"));
        asApp()
                .body("""
                        {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","changedAt":"%s"}
                        """.formatted(UUID.randomUUID(), user, Requests.aMinuteAgo()))
                .when().post("/v1/consents")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("granted"));
    }

    @Test
    void aFullBatchIsAcceptedItemByItemAndPublishedInOrderPerUser() {
        List<UUID> ids = IntStream.range(0, SessionBatchReader.MAX_ITEMS).mapToObj(i -> UUID.randomUUID()).toList();
        // Two users, interleaved: each user's events must keep their posted order on their partition.
        String body = IntStream.range(0, ids.size())
                .mapToObj(i -> session(ids.get(i), user + (i % 2 == 0 ? "-a" : "-b")))
                .collect(Collectors.joining(",", "[", "]"));

        asApp().body(body).when().post("/v1/sessions/batch")
                .then().statusCode(202)
                .body("results", hasSize(ids.size()))
                .body("results.eventId", contains(ids.stream().map(UUID::toString).toArray()))
                .body("results.status", everyItem(equalTo("ACCEPTED")));

        List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.EVENTS,
                r -> r.key().startsWith("demo-app:" + user), ids.size(), Duration.ofSeconds(30));
        assertEquals(ids.size(), published.size());
        for (String suffix : List.of("-a", "-b")) {
            List<String> inTopic = published.stream().filter(r -> r.key().equals("demo-app:" + user + suffix))
                    .map(r -> TopicClient.header(r, CloudEventHeaders.ID)).toList();
            List<String> posted = IntStream.range(0, ids.size()).filter(i -> (i % 2 == 0) == suffix.equals("-a"))
                    .mapToObj(i -> ids.get(i).toString()).toList();
            assertEquals(posted, inTopic, "one user's events stay in the order posted");
        }
    }

    /**
     * Eight full batches at once are 4,000 records in flight, more than the emitter's buffer once held: each waits
     * for room instead of being refused, all are accepted and on the topic, each user's events in order.
     */
    @Test
    void concurrentFullBatchesWaitForRoomAndAreAllAccepted() throws Exception {
        int batches = 8;
        List<List<UUID>> ids = IntStream.range(0, batches).mapToObj(b -> IntStream.range(0, SessionBatchReader.MAX_ITEMS)
                .mapToObj(i -> UUID.randomUUID()).toList()).toList();
        ExecutorService apps = Executors.newFixedThreadPool(batches);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                String batchUser = user + "-" + b;
                String body = ids.get(b).stream().map(id -> session(id, batchUser)).collect(Collectors.joining(",", "[", "]"));
                answers.add(apps.submit(() -> asApp().body(body).when().post("/v1/sessions/batch").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            apps.shutdownNow();
        }

        List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.EVENTS,
                r -> r.key().startsWith("demo-app:" + user + "-"), batches * SessionBatchReader.MAX_ITEMS,
                Duration.ofSeconds(60));
        for (int b = 0; b < batches; b++) {
            String key = "demo-app:" + user + "-" + b;
            assertEquals(ids.get(b).stream().map(UUID::toString).toList(), published.stream()
                    .filter(r -> r.key().equals(key)).map(r -> TopicClient.header(r, CloudEventHeaders.ID)).toList());
        }
    }

    @Test
    void anyInvalidItemRejectsTheWholeBatchNamingEveryBadItemAndField() {
        List<UUID> ids = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        List<String> items = new ArrayList<>(ids.stream().map(id -> session(id, user)).toList());
        items.set(1, items.get(1).replace("\"CHEEKS\"", "\"CHEEK\""));                 // enum
        items.set(2, items.get(2).replace("0.5", "3.5").replace(user, "not an id!"));  // range and id format
        items.set(3, items.get(3).replace("{", "{\"apId\":\"x\","));                    // unknown field
        items.set(4, items.get(4).replace("0.5", "\"0.5\""));                           // string for a number
        items.set(5, items.get(5).replace("\"eventId\":\"" + ids.get(5), "\"eventId\":\"" + ids.get(0)));

        asApp().body("[" + String.join(",", items) + "]").when().post("/v1/sessions/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("[1].area", "[2].needleDepthMm", "[2].userId", "[3].apId",
                        "[4].needleDepthMm", "[5].eventId"));

        Set<String> posted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        assertTrue(topics.read(Topics.EVENTS, r -> posted.contains(TopicClient.header(r, CloudEventHeaders.ID))).isEmpty(),
                "nothing of a rejected batch is published");
    }

    @Test
    void anEmptyOrOversizedBatchIsRejected() {
        asApp().body("[]").when().post("/v1/sessions/batch")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("(body)"));
        String tooMany = IntStream.range(0, SessionBatchReader.MAX_ITEMS + 1)
                .mapToObj(i -> session(UUID.randomUUID(), user)).collect(Collectors.joining(",", "[", "]"));
        asApp().body(tooMany).when().post("/v1/sessions/batch")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("(body)"));
    }

    @Test
    void reSendingAnAcceptedBatchIsAcceptedAgain() {
        String body = "[" + session(UUID.randomUUID(), user) + "," + session(UUID.randomUUID(), user) + "]";
        asApp().body(body).when().post("/v1/sessions/batch").then().statusCode(202);
        asApp().body(body).when().post("/v1/sessions/batch").then().statusCode(202)
                .body("results.status", everyItem(equalTo("ACCEPTED")));
    }

    private ConsumerRecord<String, String> published(UUID eventId) {
        return topics.read(Topics.EVENTS, r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)))
                .get(0);
    }
}
