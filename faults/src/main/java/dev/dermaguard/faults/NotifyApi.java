package dev.dermaguard.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.infra.Http11;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * notify-service's endpoints as their users would call them: an operator's for parked outbox rows, and a clinic's
 * read of the alerts delivered to it (notify-service's record of who was sent what).
 */
final class NotifyApi {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final String BACKLOG = "dermaguard_outbox_backlog ";
    private static final int CLINIC_PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String notifyUrl;
    private final HttpClient http = Http11.builder().connectTimeout(Duration.ofSeconds(2)).build();

    NotifyApi(String notifyUrl) {
        this.notifyUrl = notifyUrl;
    }

    /** The ids of every parked row, oldest first. */
    List<Long> parkedIds() throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = JSON.readTree(call("GET", "/v1/operator/outbox/parked?limit=1000&after=" + after, DevKeys.OPERATOR, 200));
            page.forEach(row -> ids.add(row.path("id").asLong()));
            after = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
        } while (page.size() == 1000);
        return ids;
    }

    /** Returns once some row is parked, or the time has passed. */
    void awaitParked(Duration within) {
        awaitUpTo(within, () -> !parkedIds().isEmpty());
    }

    /** The cursor of the newest alert delivered to demo-clinic; 0 before the first. */
    long newestClinicCursor() throws IOException, InterruptedException {
        JsonNode newest = JSON.readTree(call("GET", "/v1/clinics/" + Stream.CLINIC + "/alerts?limit=1", DevKeys.CLINIC,
                200));
        return newest.isEmpty() ? 0 : newest.get(0).path("cursor").asLong();
    }

    /** Returns once an alert past {@code cursor} was delivered to demo-clinic, or the time has passed. */
    void awaitClinicDeliveryAfter(long cursor, Duration within) {
        awaitUpTo(within, () -> newestClinicCursor() > cursor);
    }

    /** Puts a parked row back in the outbox. */
    void retry(long id) throws IOException, InterruptedException {
        call("POST", "/v1/operator/outbox/parked/" + id + "/retry", DevKeys.OPERATOR, 202);
    }

    /**
     * The parked rows once the relay has sent the retried ones or parked them again: once notify-service's outbox
     * was seen empty after the retries (or the time has passed).
     */
    List<Long> parkedAfterRetry(Duration within) throws IOException, InterruptedException {
        // The gauge shows what the scrape before counted: this one counts from after the retries.
        backlog();
        awaitUpTo(within, () -> backlog() == 0);
        return parkedIds();
    }

    /**
     * Returns once {@code met} holds or the time has passed (never sooner than one poll, the first look comes
     * after it): the caller judges what it then finds.
     */
    private static void awaitUpTo(Duration within, Callable<Boolean> met) {
        try {
            Awaitility.await().pollDelay(POLL).pollInterval(POLL)
                    .atMost(within.compareTo(POLL) > 0 ? within : POLL.multipliedBy(2)).until(met);
        } catch (ConditionTimeoutException e) {
            // Not met in time: the caller looks at what there is.
        }
    }

    private double backlog() throws IOException, InterruptedException {
        return call("GET", "/q/metrics", DevKeys.OPERATOR, 200).lines().filter(line -> line.startsWith(BACKLOG))
                .mapToDouble(line -> Double.parseDouble(line.substring(BACKLOG.length()).trim()))
                .findFirst().orElseThrow(() -> new IllegalStateException("notify-service reports no outbox backlog"));
    }

    /**
     * Every alert delivered to demo-clinic for users whose id starts with {@code userPrefix}, paged back from the
     * newest with the clinic's own key.
     */
    List<Ledger.Alert> deliveredToClinic(String userPrefix) throws IOException, InterruptedException {
        List<Ledger.Alert> delivered = new ArrayList<>();
        String before = "";
        JsonNode page;
        do {
            page = JSON.readTree(call("GET", "/v1/clinics/" + Stream.CLINIC + "/alerts?limit=" + CLINIC_PAGE
                    + before, DevKeys.CLINIC, 200));
            for (JsonNode delivery : page) {
                JsonNode alert = delivery.path("alert");
                if (alert.path("userId").asText().startsWith(userPrefix)) {
                    delivered.add(Ledger.Alert.of(alert));
                }
                before = "&before=" + delivery.path("cursor").asLong();
            }
        } while (page.size() == CLINIC_PAGE);
        return delivered;
    }

    private String call(String method, String path, String apiKey, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl + path)).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", apiKey).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not "
                    + expected + ": " + response.body());
        }
        return response.body();
    }
}
