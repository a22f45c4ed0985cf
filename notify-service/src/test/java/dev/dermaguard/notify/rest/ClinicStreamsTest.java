package dev.dermaguard.notify.rest;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.notify.retention.Retention;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** The clinic stream against the running service: paced by its client, capped, and honest about what expired. */
@QuarkusTest
@NotifyInfrastructure
class ClinicStreamsTest {

    private static final String CLINIC = "demo-clinic";
    private static final int HISTORY = 20_000;

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @Inject
    TopicClient topics;
    @Inject
    Retention retention;
    @TestHTTPResource("/v1/clinics/" + CLINIC + "/alerts/stream")
    String streamUrl;
    private NotifyFixtures user;

    @BeforeEach
    void connect() {
        user = new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
    }

    @Test
    void aResumeFromZeroOnALongHistoryReadsTheDatabaseOnlyAsFastAsTheClientReads() throws Exception {
        UUID alertId = deliveredAlert();
        // Years of deliveries: the same alert again and again, at the clinic's next cursors.
        long last = database.withTransaction(connection -> connection
                        .preparedQuery("update clinic set last_cursor = last_cursor + $2 where clinic_id = $1 returning last_cursor")
                        .execute(Tuple.of(CLINIC, HISTORY))
                        .map(rows -> rows.iterator().next().getLong(0))
                        .call(top -> connection.preparedQuery("insert into clinic_alert (clinic_id, cursor, alert_id) "
                                + "select $1, $2 - g, $3 from generate_series(0, $4 - 1) g")
                                .execute(Tuple.of(CLINIC, top, alertId, HISTORY))))
                .await().atMost(Duration.ofSeconds(30));

        URI uri = URI.create(streamUrl);
        try (Socket socket = new Socket()) {
            // A client that reads nothing yet: the server can only fill the socket buffers, a few MB at most.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            long before = fetched();
            socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-API-Key: " + DevKeys.CLINIC + "\r\nAccept: text/event-stream\r\nLast-Event-ID: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(NotifyFixtures.WITHIN).until(() -> fetched() > before);
            await("the stream stays paced by its stalled client")
                    .during(Duration.ofSeconds(8)).atMost(NotifyFixtures.WITHIN)
                    .until(() -> fetched() - before < HISTORY / 2);

            // Once the client reads, every delivery arrives, in cursor order.
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            long lastId = 0;
            long events = 0;
            for (String line = in.readLine(); line != null && lastId < last; line = in.readLine()) {
                if (line.startsWith("id:")) {
                    long id = Long.parseLong(line.substring(3).trim());
                    assertTrue(id > lastId, "cursor order");
                    lastId = id;
                    events++;
                }
            }
            assertEquals(last, lastId);
            assertTrue(events > HISTORY, events + " events");
        }
    }

    @Test
    void aClinicOpensAtMostItsShareOfStreams() {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                SseClient stream = new SseClient(streamUrl, DevKeys.CLINIC, null);
                open.add(stream);
                assertEquals(200, stream.status());
            }
            given().header("X-API-Key", DevKeys.CLINIC).accept("text/event-stream")
                    .get("/v1/clinics/{clinic}/alerts/stream", CLINIC)
                    .then().statusCode(429).contentType("application/problem+json");
            open.remove(0).close();
            await().atMost(NotifyFixtures.WITHIN).untilAsserted(() -> {
                try (SseClient again = new SseClient(streamUrl, DevKeys.CLINIC, null)) {
                    assertEquals(200, again.status(), "a closed stream frees its place");
                }
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void expiredDeliveriesAreDeletedAndAResumeBeforeThemIsToldWhatItMissed() {
        UUID expired = deliveredAlert();
        RiskAssessed kept = user.publish(user.assessment(daysAgo(1), risk(RuleName.OVERUSE, Severity.MODERATE)));
        user.awaitSettled(kept.assessmentId());
        long expiredCursor = cursorOf(expired);
        // This delivery and every one before it expire: the clinic's history now starts after it.
        database.preparedQuery("update clinic_alert set delivered_at = now() - interval '401 days' "
                        + "where clinic_id = $1 and cursor <= $2")
                .execute(Tuple.of(CLINIC, expiredCursor)).await().atMost(NotifyFixtures.WITHIN);
        long oldAudit = database.preparedQuery("insert into audit_entry (at, actor_role, actor_id, action, subject) "
                        + "values (now() - interval '401 days', 'service', 'test', 'test.old', 'an old entry') returning id")
                .execute().await().atMost(NotifyFixtures.WITHIN).iterator().next().getLong(0);

        Retention.Purged purged = retention.purge().await().atMost(NotifyFixtures.WITHIN);

        assertTrue(purged.deliveries() >= 1 && purged.auditEntries() >= 1, purged.toString());
        assertEquals(0, count("select count(*) from clinic_alert where alert_id = $1", expired));
        assertEquals(0, count("select count(*) from audit_entry where id = $1", oldAudit));
        assertEquals(1, count("select count(*) from clinic_alert ca join alert a on a.alert_id = ca.alert_id "
                + "where a.assessment_id = $1", kept.assessmentId()), "what is younger stays");

        long oldestKept = count("select min(cursor) from clinic_alert where clinic_id = $1", CLINIC);
        try (SseClient resumed = new SseClient(streamUrl, DevKeys.CLINIC, Long.toString(expiredCursor - 1))) {
            await().atMost(NotifyFixtures.WITHIN).until(() -> resumed.events().size() >= 2);
            SseClient.Event gap = resumed.events().get(0);
            assertEquals("gap", gap.name());
            assertEquals(Long.toString(oldestKept - 1), gap.id(), "a resume from here asks for nothing expired again");
            assertTrue(gap.data().contains("\"oldestKept\":" + oldestKept), gap.data());
            assertEquals(Long.toString(oldestKept), resumed.events().get(1).id(), "then what is kept, from its start");
        }
        given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=20")
                .then().statusCode(200).body("find { it.action == 'retention.deleted' }.actorId", is("notify-service"));
    }

    /** An alert of this user's delivered to the clinic. */
    private UUID deliveredAlert() {
        user.awaitSettled(user.consent(CLINIC, true).eventId());
        RiskAssessed assessed = user.publish(user.assessment(daysAgo(2), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        user.awaitSettled(assessed.assessmentId());
        // Settled means stored and handed to the relay; the record reaches the topic a moment later.
        String clinicTopic = dev.dermaguard.contract.Topics.clinicAlerts(CLINIC);
        await().atMost(NotifyFixtures.WITHIN).until(() -> !user.alertsOn(clinicTopic).isEmpty());
        return user.alertsOn(clinicTopic).get(0).alertId();
    }

    private long cursorOf(UUID alertId) {
        return count("select cursor from clinic_alert where alert_id = $1", alertId);
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(NotifyFixtures.WITHIN)
                .iterator().next().getLong(0);
    }

    /** Rows of clinic_alert fetched through its indexes, as PostgreSQL counts them: what streams have read. */
    private long fetched() {
        return database.query("select idx_tup_fetch from pg_stat_user_tables where relname = 'clinic_alert'").execute()
                .await().atMost(NotifyFixtures.WITHIN).iterator().next().getLong(0);
    }
}
