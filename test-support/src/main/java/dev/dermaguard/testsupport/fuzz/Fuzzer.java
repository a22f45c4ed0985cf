package dev.dermaguard.testsupport.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.infra.Http11;

/**
 * Sends generated requests to a running service (a {@code @QuarkusTest}'s or a live stack's) and judges every
 * answer: no 5xx, and every 4xx a problem ({@code application/problem+json} with its status and a detail, no stack
 * trace). A success is fine unless the run expects refusals only. Prints a summary by status.
 */
public final class Fuzzer {

    /** Enough to read any problem; a success is not read at all (it may be an endless event stream). */
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final URI base;
    private final boolean refusalsOnly;
    private final HttpClient client = Http11.client();
    private final ObjectMapper json = new ObjectMapper();

    /** @param refusalsOnly every generated request is invalid, so a 2xx or 3xx is a failure too */
    public Fuzzer(URI base, boolean refusalsOnly) {
        this.base = URI.create(base.toString().replaceAll("/$", ""));
        this.refusalsOnly = refusalsOnly;
    }

    /** What a run saw: the count of each status, and the first failures in words. */
    public record Result(Map<Integer, Integer> byStatus, List<String> failures) {

        public long serverErrors() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        public long successes() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() < 300).mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** The seed of a run: {@code -Dfuzz.seed=...} reproduces one, else the caller's default. */
    public static long seed(long otherwise) {
        return Long.getLong("fuzz.seed", otherwise);
    }

    /** How many requests a run sends: {@code -Dfuzz.requests=...}, else the caller's default. */
    public static int requests(int otherwise) {
        return Integer.getInteger("fuzz.requests", otherwise);
    }

    public Result run(String name, long seed, int requests, IntFunction<HostileRequest> generator)
            throws IOException, InterruptedException {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HostileRequest request = generator.apply(i);
            Answer answer = send(request);
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = whatIsWrong(answer);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + request.method() + " " + abbreviate(request.target()) + " "
                        + abbreviate(request.headers().toString()) + ": " + problem
                        + (request.body() == null ? "" : "\n    request body: " + abbreviate(request.body())));
            }
        }
        Result result = new Result(byStatus, failures);
        System.out.printf("fuzz %s: %d requests (seed %d), %d accepted, %d server errors, by status %s%n",
                name, requests, seed, result.successes(), result.serverErrors(), byStatus);
        return result;
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer send(HostileRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        HttpResponse<InputStream> response = Http11.send(client, builder.build(), HttpResponse.BodyHandlers.ofInputStream(),
                Duration.ofSeconds(90));
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            return new Answer(response.statusCode(), type, response.statusCode() < 400 ? ""
                    : new String(body.readNBytes(MAX_PROBLEM_BYTES), StandardCharsets.UTF_8));
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private String whatIsWrong(Answer answer) {
        int status = answer.status();
        if (status >= 500 || (refusalsOnly && status < 400)) {
            return "status " + status + ": " + abbreviate(answer.body());
        }
        if (status < 400) {
            return null;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type '" + answer.contentType() + "' for " + status;
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            return "a stack trace: " + abbreviate(answer.body());
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            return problem.path("status").asInt() == status && problem.hasNonNull("detail") ? null
                    : "problem without status or detail: " + abbreviate(answer.body());
        } catch (JsonProcessingException e) {
            return "a body that is not JSON: " + abbreviate(answer.body());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
