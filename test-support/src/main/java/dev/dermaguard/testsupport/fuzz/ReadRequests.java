package dev.dermaguard.testsupport.fuzz;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile requests to the read endpoints of risk-service and notify-service: each picks an endpoint and spoils its
 * ids, numbers, key, method, content type or Accept header, or several at once. Some come out valid; those may
 * answer 200 or 404 (an unknown user), never 5xx.
 */
public final class ReadRequests {

    /** One GET endpoint: its path with {@code {id}} where the id goes, the id that fits, its key, its numbers. */
    public record Endpoint(String path, String fittingId, String fittingKey, Map<String, Long> numbers,
            String numberHeader) {
    }

    public static final List<Endpoint> RISK = List.of(
            new Endpoint("/v1/users/{id}/risk-profile", "u-1", DevKeys.APP, Map.of(), null),
            new Endpoint("/v1/users/{id}/assessments", "u-1", DevKeys.APP, Map.of("limit", 200L), null));

    public static final List<Endpoint> NOTIFY = List.of(
            new Endpoint("/v1/users/{id}/alerts", "u-1", DevKeys.APP, Map.of("limit", 500L), null),
            new Endpoint("/v1/clinics/{id}/alerts", DevKeys.DEMO_CLINIC, DevKeys.CLINIC,
                    Map.of("limit", 500L, "before", Long.MAX_VALUE), null),
            new Endpoint("/v1/clinics/{id}/alerts/stream", DevKeys.DEMO_CLINIC, DevKeys.CLINIC, Map.of(),
                    "Last-Event-ID"),
            new Endpoint("/v1/audit", null, DevKeys.OPERATOR, Map.of("limit", 1000L, "before", Long.MAX_VALUE), null));

    private final Hostile hostile;
    private final List<Endpoint> endpoints;

    public ReadRequests(long seed, List<Endpoint> endpoints) {
        this.hostile = new Hostile(seed);
        this.endpoints = endpoints;
    }

    /** A seeded run of these requests against the service at {@code base}, 2000 of them unless told otherwise. */
    public static Fuzzer.Result fuzz(URI base, String service, List<Endpoint> endpoints)
            throws IOException, InterruptedException {
        long seed = Fuzzer.seed(20261201L);
        ReadRequests requests = new ReadRequests(seed, endpoints);
        return new Fuzzer(base, false).run(service, seed, Fuzzer.requests(2000), n -> requests.next());
    }

    public HostileRequest next() {
        Endpoint endpoint = endpoints.get(hostile.nextInt(endpoints.size()));
        boolean spoilId = hostile.nextInt(3) > 0;
        String target = endpoint.fittingId() == null ? endpoint.path()
                : endpoint.path().replace("{id}", spoilId ? hostile.idSegment(endpoint.fittingId()) : endpoint.fittingId());
        StringBuilder query = new StringBuilder();
        endpoint.numbers().forEach((name, max) -> {
            if (hostile.nextBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(hostile.number(max)));
            }
        });
        target += query;
        if (hostile.nextInt(6) == 0) {
            target = hostile.extraQuery(target);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String key = hostile.apiKey(endpoint.fittingKey());
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        if (endpoint.numberHeader() != null && hostile.nextBoolean()) {
            headers.put(endpoint.numberHeader(), hostile.number(Long.MAX_VALUE));
        }
        if (hostile.nextInt(5) == 0) {
            headers.put("Accept", hostile.accept());
        }
        return switch (hostile.nextInt(10)) {
            case 0 -> new HostileRequest(hostile.wrongMethod(), target, headers, "{}");
            case 1 -> {
                headers.put("Content-Type", hostile.contentType());
                yield new HostileRequest("GET", target, headers, hostile.pick("{}", "[", "x".repeat(10_000), "\u0000"));
            }
            case 2 -> new HostileRequest("GET", hostile.pick("/v1/users", "/v1/users/", "/v1/users//alerts",
                    "/v1/clinics/demo-clinic", "/v1/clinics/demo-clinic/alerts/", "/v1/users/u-1/risk-profile/x",
                    "/v2/users/u-1/alerts", "/V1/AUDIT", "/v1/audit/1", "/v1/clinics/%2e%2e/alerts"), headers, null);
            default -> new HostileRequest("GET", target, headers, null);
        };
    }

    /** Spaces and the like, so that the value reaches the query as given; percent signs stay encodings. */
    private static String encode(String value) {
        return value.replace(" ", "%20").replace("[", "%5B").replace("]", "%5D").replace(",", "%2C").replace("+", "%2B");
    }
}
