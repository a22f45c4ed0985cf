package dev.dermaguard.testsupport.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.infra.Http11;

/**
 * Tries one endpoint with no key, an unknown key and every development key, and says where the answer is not what
 * the endpoint's roles promise: 401 without a known key, 403 naming the admitted roles for a key of another role,
 * 403 for a key of the right role but another principal (another clinic), and neither for the keys it admits.
 */
public final class RoleMatrix {

    private static final String MISSING = "Missing API key: send it in the X-API-Key header";
    private static final String UNKNOWN = "Unknown API key";

    private final URI base;
    private final HttpClient client = Http11.client();
    private final ObjectMapper json = new ObjectMapper();

    public RoleMatrix(URI base) {
        this.base = URI.create(base.toString().replaceAll("/$", ""));
    }

    /**
     * @param roles        the roles the endpoint admits, as in its {@code @RolesAllowed}; empty: none
     * @param admittedKeys the development keys that pass (a clinic's own key for its own alerts)
     * @return every answer that breaks the promise, in words; empty when all hold
     */
    public List<String> check(String method, String target, String body, List<String> roles, Set<String> admittedKeys) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("(none)", null);
        keys.put("(unknown)", "not-a-key-" + target.hashCode());
        DevKeys.ALL.forEach(key -> keys.put(key, key));
        List<String> broken = new ArrayList<>();
        String forOthers = roles.isEmpty() ? "This endpoint admits no key"
                : "This endpoint is for " + String.join(" or ", roles) + " keys";
        keys.forEach((name, key) -> {
            Answer answer = send(method, target, body, key);
            String expected;
            if (key == null) {
                expected = answer.is(401, MISSING) ? null : "401 " + MISSING;
            } else if (!DevKeys.ROLES.containsKey(key)) {
                expected = answer.is(401, UNKNOWN) ? null : "401 " + UNKNOWN;
            } else if (admittedKeys.contains(key)) {
                expected = answer.status() != 401 && answer.status() != 403 && answer.status() < 500 ? null
                        : "admitted";
            } else if (roles.contains(DevKeys.ROLES.get(key))) {
                expected = answer.status() == 403 ? null : "403 for another principal";
            } else {
                expected = answer.is(403, forOthers) ? null : "403 " + forOthers;
            }
            if (expected != null) {
                broken.add(method + " " + target + " with key " + name + ": expected " + expected + ", got "
                        + answer.status() + " " + answer.detail());
            }
        });
        return broken;
    }

    private record Answer(int status, String detail) {
        boolean is(int status, String detail) {
            return this.status == status && detail.equals(this.detail);
        }
    }

    private Answer send(String method, String target, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            HttpResponse<InputStream> response = Http11.send(client, request.build(),
                    HttpResponse.BodyHandlers.ofInputStream(), Duration.ofSeconds(60));
            try (InputStream in = response.body()) {
                // A success is not read: it may be an event stream that does not end.
                String detail = response.statusCode() < 400 ? ""
                        : json.readTree(in.readNBytes(64 * 1024)).path("detail").asText();
                return new Answer(response.statusCode(), detail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the given roles, for endpoints that admit every principal of their roles. */
    public static Set<String> keysOf(String... roles) {
        Set<String> wanted = Set.of(roles);
        return DevKeys.ROLES.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
