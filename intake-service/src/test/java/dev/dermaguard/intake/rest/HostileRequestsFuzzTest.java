package dev.dermaguard.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.infra.LocalInfraTestResource;
import dev.dermaguard.testsupport.TopicClient;

/**
 * Thousands of generated hostile requests against the running service and the real broker: wrong types, missing
 * and unknown fields, out-of-range and huge numbers, unicode and NUL, injection strings, deep nesting, truncated
 * JSON, wrong methods, content types and Accept headers. Every one is built to be invalid, so every answer must be
 * a 4xx problem (no 5xx, no stack trace) and nothing may reach the topic. Reproducible: {@code -Dfuzz.seed=...};
 * {@code -Dfuzz.requests=...} changes how many.
 */
@QuarkusTest
class HostileRequestsFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);

    @TestHTTPResource("/")
    URL root;

    /** The PLAINTEXT listener: the service's own user may not read what it writes. */
    @ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(SEED);
    private final String userPrefix = "fuzz" + SEED + "-";
    private final Set<String> eventIds = new HashSet<>();
    /** The body of the request just generated, for the failure message. */
    private String lastBody;

    @Test
    void everyHostileRequestIsA4xxProblemAndNothingIsPublished() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = hostileRequest(i);
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            String problem = whatIsWrong(response);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + request.method() + " " + request.uri().getPath() + " " + request.headers().map()
                        + ": " + problem
                        + "\n    request body: " + abbreviate(lastBody));
            }
        }
        long accepted = byStatus.entrySet().stream().filter(e -> e.getKey() < 300).mapToLong(Map.Entry::getValue).sum();
        long serverErrors = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("fuzz: %d requests (seed %d), %d accepted, %d server errors, by status %s%n",
                REQUESTS, SEED, accepted, serverErrors, byStatus);

        assertTrue(failures.isEmpty(), String.join("\n", failures));
        try (TopicClient topics = new TopicClient(bootstrapServers)) {
            assertEquals(List.of(), topics.read(Topics.EVENTS, r -> r.key().contains(userPrefix)
                    || eventIds.contains(TopicClient.header(r, CloudEventHeaders.ID))).stream()
                    .map(r -> TopicClient.header(r, CloudEventHeaders.ID)).toList(), "fuzzed events on the topic");
        }
    }

    /** Null when the answer is a proper 4xx problem, else what is wrong with it. */
    private String whatIsWrong(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "status " + status + ": " + abbreviate(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "content type '" + type + "' for " + status;
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            return "a stack trace: " + abbreviate(response.body());
        }
        try {
            JsonNode problem = json.readTree(response.body());
            return problem.path("status").asInt() == status && problem.hasNonNull("detail") ? null
                    : "problem without status or detail: " + abbreviate(response.body());
        } catch (JsonProcessingException e) {
            return "a body that is not JSON: " + abbreviate(response.body());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    // ---- generation ----

    private HttpRequest hostileRequest(int n) {
        int dice = random.nextInt(100);
        Kind kind = pick(Kind.values());
        if (dice < 45) {
            return post(kind.path, render(mutated(kind)));
        }
        if (dice < 60) {
            return post("/v1/sessions/batch", batchWithAnInvalidItem());
        }
        if (dice < 80) {
            return post(random.nextBoolean() ? kind.path : "/v1/sessions/batch", malformedBody(kind));
        }
        String valid = render(valid(kind));
        if (dice < 87) {
            String type = pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                    "application/jsonx", "text/json; charset=utf-16", "*/*", "application/*");
            return builder(kind.path).header("Content-Type", type).POST(body(valid)).build();
        }
        if (dice < 94) {
            return builder(kind.path).header("Content-Type", "application/json")
                    .method(pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS-X"), body(valid)).build();
        }
        if (dice < 97) {
            return builder(kind.path).header("Content-Type", "application/json")
                    .header("Accept", pick("text/html", "application/xml", "image/png")).POST(body(valid)).build();
        }
        return post(pick("/v1/session", "/v1/sessions/batch/1", "/v2/sessions", "/v1/consent", "/v1/../v1/sessions%00",
                "/V1/SESSIONS"), valid);
    }

    private HttpRequest post(String path, String body) {
        return builder(path).header("Content-Type", "application/json").POST(body(body)).build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path))
                .header("X-API-Key", Requests.APP_KEY);
    }

    private HttpRequest.BodyPublisher body(String text) {
        lastBody = text;
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    /** The three event kinds with their fields; a value is raw JSON text. */
    enum Kind {
        SESSION("/v1/sessions"), CHECK_IN("/v1/check-ins"), CONSENT("/v1/consents");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    enum Field {
        EVENT_ID, USER_ID, TIME, AREA, DEPTH, DEVICE, OPTIONAL_ENUM, SYMPTOMS_BEFORE, DEVICE_USES, OPTIONAL_BOOLEAN,
        SYMPTOMS, CLINIC_ID, GRANTED
    }

    private record Spec(String name, Field field, boolean required) {
    }

    private static List<Spec> specs(Kind kind) {
        return switch (kind) {
            case SESSION -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("performedAt", Field.TIME, true), new Spec("area", Field.AREA, true),
                    new Spec("needleDepthMm", Field.DEPTH, true), new Spec("device", Field.DEVICE, true),
                    new Spec("setting", Field.OPTIONAL_ENUM, false), new Spec("skinType", Field.OPTIONAL_ENUM, false),
                    new Spec("symptomsBefore", Field.SYMPTOMS_BEFORE, false),
                    new Spec("deviceUses", Field.DEVICE_USES, false),
                    new Spec("deviceDisinfected", Field.OPTIONAL_BOOLEAN, false),
                    new Spec("goal", Field.OPTIONAL_ENUM, false));
            case CHECK_IN -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("reportedAt", Field.TIME, true), new Spec("area", Field.AREA, true),
                    new Spec("symptoms", Field.SYMPTOMS, true));
            case CONSENT -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("clinicId", Field.CLINIC_ID, true), new Spec("granted", Field.GRANTED, true),
                    new Spec("changedAt", Field.TIME, true));
        };
    }

    private Map<String, String> valid(Kind kind) {
        String eventId = UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
        eventIds.add(eventId);
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> event = new LinkedHashMap<>();
        for (Spec spec : specs(kind)) {
            event.put(spec.name(), switch (spec.field()) {
                case EVENT_ID -> quote(eventId);
                case USER_ID -> quote(userPrefix + random.nextInt(1000));
                case TIME -> quote(now);
                case AREA -> quote(pick("CHEEKS", "FOREHEAD", "SCALP", "UNDER_EYES"));
                case DEPTH -> pick("0.25", "0.5", "1.0", "3.0", "0.1");
                case DEVICE -> quote(pick("ROLLER", "PEN", "STAMP"));
                case OPTIONAL_ENUM -> "null";
                case SYMPTOMS_BEFORE -> "[\"REDNESS\"]";
                case DEVICE_USES -> "3";
                case OPTIONAL_BOOLEAN, GRANTED -> pick("true", "false");
                case SYMPTOMS -> pick("[]", "[\"PUS\",\"FEVER\"]");
                case CLINIC_ID -> quote("demo-clinic");
            });
        }
        return event;
    }

    /** A valid event with one to three changes, each of which alone makes it invalid. */
    private Map<String, String> mutated(Kind kind) {
        Map<String, String> event = valid(kind);
        List<Spec> specs = specs(kind);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            Spec spec = specs.get(random.nextInt(specs.size()));
            switch (random.nextInt(4)) {
                case 0 -> event.put(unknownFieldName(), pick("1", "\"x\"", "null", "{}", "[]", "\"demo-app\""));
                case 1 -> {
                    Spec required = specs.stream().filter(Spec::required).toList()
                            .get(random.nextInt((int) specs.stream().filter(Spec::required).count()));
                    if (random.nextBoolean()) {
                        event.remove(required.name());
                    } else {
                        event.put(required.name(), "null");
                    }
                }
                default -> event.put(spec.name(), invalidValue(spec.field()));
            }
        }
        return event;
    }

    private String invalidValue(Field field) {
        Supplier<String> wrongShape = () -> pick("true", "[]", "{}", "{\"a\":1}", "[1,2]");
        return switch (field) {
            case EVENT_ID -> random.nextInt(4) == 0 ? wrongShape.get() : pick("\"not-a-uuid\"", "\"\"", "123",
                    "\"0b9f2c1e8d3a4f8e9c551a2b3c4d5e6f\"", "\"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6g\"", "\"{{7*7}}\"",
                    "\"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f\\u0000\"", "\"' OR 1=1 --\"");
            case USER_ID, CLINIC_ID -> random.nextInt(4) == 0 ? pick("123", "true", "[]", "{}", "1.5") : quote(pick("",
                    "a".repeat(65), "u 1", "u\u0000x", "ü-123", "😀", "'; DROP TABLE users;--", "<script>alert(1)</script>",
                    "../../etc/passwd", "${jndi:ldap://x/a}", "u-1\n", "u-\u202Eevil", "%00", "u/1", "x".repeat(3000)));
            case TIME -> random.nextInt(4) == 0 ? wrongShape.get() : pick("\"2026-11-20T21:00:00\"", "\"yesterday\"",
                    "\"\"", "\"2026-13-45T25:61:00Z\"", "1763900000", "1763900000.5", "\"0000-00-00T00:00:00Z\"",
                    "\"+999999999-12-31T23:59:59Z\"", "\"2026-11-20\"", "\"21:00:00Z\"",
                    quote(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()),
                    quote(OffsetDateTime.now(ZoneOffset.UTC).minusDays(401).toString()),
                    quote(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6).toString()));
            case AREA, DEVICE, OPTIONAL_ENUM -> random.nextInt(4) == 0 ? wrongShape.get() : pick("\"cheeks\"", "\"\"",
                    "\"CHEEKS \"", "\"FOREHEAD;DROP\"", "\"\\u0000\"", "0", "1", "-1", "\"ЧЕКС\"", "\"LASER\"", "\"VII\"",
                    "\"ROLLER,PEN\"");
            case DEPTH -> random.nextInt(5) == 0 ? wrongShape.get() : pick("3.0000001", "0.0999", "0", "-0.5", "1e400",
                    "-1e400", "1e-400", "0.5000000001", "\"0.5\"", "3.01", "10", "NaN", "Infinity", "0x1",
                    "99999999999999999999999", "1" + "0".repeat(990), "0." + "0".repeat(990) + "5", "null");
            case SYMPTOMS_BEFORE -> pick("\"REDNESS\"", "[\"redness\"]", "[null]", "[1]", "[[]]", "{}", "[\"ITCHING\"]",
                    "true", "[\"REDNESS\",]");
            case SYMPTOMS -> pick("\"PUS\"", "[\"pus\"]", "[null]", "[1]", "[[]]", "{}", "[\"PUS\",\"PUS\"]",
                    "[\"REDNESS\",\"OPEN_WOUND\"]", "null");
            case DEVICE_USES -> pick("0", "-1", "1.5", "1e10", "99999999999", "\"3\"", "true", "[]", "{}", "1.0");
            case OPTIONAL_BOOLEAN, GRANTED -> pick("1", "0", "\"true\"", "\"yes\"", "[]", "{}", "\"\"");
        };
    }

    private String unknownFieldName() {
        return pick("appId", "apId", "eventid", "EventId", "__proto__", "constructor", "$where", "ü", "😀", "",
                "a\u0000b", "needleDepthMM", "k".repeat(200), "performed_at", "<img src=x>", "userId ");
    }

    private String batchWithAnInvalidItem() {
        int size = 1 + random.nextInt(5);
        int bad = random.nextInt(size);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(i == bad ? render(mutated(Kind.SESSION)) : render(valid(Kind.SESSION)));
        }
        if (random.nextInt(10) == 0) {
            items.set(bad, pick("null", "1", "\"s\"", "[]", render(valid(Kind.CONSENT))));
        }
        return "[" + String.join(",", items) + "]";
    }

    private String malformedBody(Kind kind) {
        String valid = render(valid(kind));
        return switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() - 1));           // truncated
            case 1 -> "[".repeat(500 + random.nextInt(4000));                          // deep nesting, unclosed
            case 2 -> "{\"eventId\":" + "[".repeat(2000) + "]".repeat(2000) + "}";     // deep nesting, closed
            case 3 -> pick("", "null", "true", "1", "\"s\"", "[]", "{}", "[[]]", "[{}]", " ");
            case 4 -> valid.replaceFirst("\\{", "{\"eventId\":\"" + UUID.randomUUID() + "\",");  // duplicate key
            case 5 -> randomBytes();
            case 6 -> valid.replace("}", ",\"note\":\"" + "x".repeat(random.nextInt(2_000_000)) + "\"}");  // huge
            case 7 -> valid + valid;                                                    // trailing content
            case 8 -> "\uFEFF" + valid.replace("\":", "\" : /* c */");                  // comments
            case 9 -> valid.replace("\"", "'");                                         // single quotes
            case 10 -> "[" + String.join(",", java.util.Collections.nCopies(501, valid)) + "]";  // 501 items
            default -> valid.substring(0, valid.length() - 1) + ",}";                   // trailing comma
        };
    }

    private String randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String render(Map<String, String> event) {
        return event.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
