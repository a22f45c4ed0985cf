package dev.dermaguard.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.intake.IntakeInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.EventRequests;
import dev.dermaguard.testsupport.fuzz.Fuzzer;

/**
 * Thousands of generated hostile requests against the running service and the real broker ({@link EventRequests}).
 * Every one is built to be invalid, so every answer must be a 4xx problem (no 5xx, no stack trace) and nothing may
 * reach the topic. Reproducible: {@code -Dfuzz.seed=...}; {@code -Dfuzz.requests=...} changes how many.
 */
@QuarkusTest
@IntakeInfrastructure
class HostileRequestsFuzzTest {

    static final long SEED = Fuzzer.seed(20261123L);
    static final int REQUESTS = Fuzzer.requests(3000);

    @TestHTTPResource("/")
    URI root;

    @Inject
    TopicClient topics;

    @Test
    void everyHostileRequestIsA4xxProblemAndNothingIsPublished() throws Exception {
        EventRequests requests = new EventRequests(SEED);
        Fuzzer.Result result = new Fuzzer(root, true).run("intake", SEED, REQUESTS, n -> requests.next());

        assertTrue(result.failures().isEmpty(), String.join("\n", result.failures()));
        assertEquals(List.of(), topics.read(Topics.EVENTS, r -> r.key().contains(requests.userPrefix())
                || requests.eventIds().contains(TopicClient.header(r, CloudEventHeaders.ID))).stream()
                .map(r -> TopicClient.header(r, CloudEventHeaders.ID)).toList(), "fuzzed events on the topic");
    }
}
