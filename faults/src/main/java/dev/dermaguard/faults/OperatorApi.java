package dev.dermaguard.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.testsupport.fuzz.DevKeys;

/** notify-service's operator endpoints for parked outbox rows, as an operator would call them. */
final class OperatorApi {

    /** Enough relay rounds for a retried row to be sent, or parked again. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String notifyUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    OperatorApi(String notifyUrl) {
        this.notifyUrl = notifyUrl;
    }

    /** The ids of every parked row, oldest first. */
    List<Long> parkedIds() throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = JSON.readTree(call("GET", "/v1/operator/outbox/parked?limit=1000&after=" + after, 200));
            page.forEach(row -> ids.add(row.path("id").asLong()));
            after = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
        } while (page.size() == 1000);
        return ids;
    }

    /** Returns once some row is parked, or the time has passed. */
    void awaitParked(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (parkedIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Puts a parked row back in the outbox. */
    void retry(long id) throws IOException, InterruptedException {
        call("POST", "/v1/operator/outbox/parked/" + id + "/retry", 202);
    }

    /** The parked rows once the relay has had time to send the retried ones (or park them again). */
    List<Long> parkedAfterRetry() throws IOException, InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        return parkedIds();
    }

    private String call(String method, String path, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl + path)).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", DevKeys.OPERATOR).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not "
                    + expected + ": " + response.body());
        }
        return response.body();
    }
}
