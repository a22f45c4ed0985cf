package dev.dermaguard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.infra.Http11;
import dev.dermaguard.testsupport.fuzz.DevKeys;
import dev.dermaguard.testsupport.fuzz.RoleMatrix;

/**
 * What every operation of a service's OpenAPI document must give a client that generates code from it: a
 * description, the {@code X-API-Key} requirement, a success with an example, and each error it can answer with as an
 * {@code application/problem+json} problem with an example: 401, 403 and 406 always, 400 when it takes parameters or
 * a body, 413 and 415 when it takes a body. {@link #gaps} lists what is missing, so a new endpoint without them fails.
 * The reference is for operators (DESIGN.md): {@link #operatorsOnly} checks who may read it.
 */
public final class ApiReference {

    public static final String SCHEME = "ApiKey";
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final HttpClient HTTP = Http11.builder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private ApiReference() {
    }

    /** The gaps of the OpenAPI document the service at {@code root} serves, read with an operator's key. */
    public static List<String> gaps(URI root) {
        HttpResponse<String> document = get(root, "/q/openapi?format=json", DevKeys.OPERATOR);
        if (document.statusCode() != 200) {
            return List.of("GET /q/openapi with an operator's key: " + document.statusCode());
        }
        return gaps(document.body());
    }

    /** Where {@code target} is not served to an operator's key (200) and refused to every other key, as problems. */
    public static List<String> operatorsOnly(URI root, String target) {
        List<String> broken = new ArrayList<>(new RoleMatrix(root).check("GET", target, null, List.of("operator"),
                RoleMatrix.keysOf("operator")));
        HttpResponse<String> served = get(root, target, DevKeys.OPERATOR);
        if (served.statusCode() != 200 || served.body().isEmpty()) {
            broken.add("GET " + target + " with an operator's key: " + served.statusCode());
        }
        return broken;
    }

    private static HttpResponse<String> get(URI root, String target, String key) {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(target)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", key).build();
        try {
            return Http11.send(HTTP, request, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each gap as {@code GET /v1/... : what is missing}; empty when the document is complete. */
    public static List<String> gaps(String openApiJson) {
        JsonNode api;
        try {
            api = new ObjectMapper().readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
        List<String> gaps = new ArrayList<>();
        JsonNode scheme = api.path("components").path("securitySchemes").path(SCHEME);
        if (!scheme.path("type").asText().equals("apiKey") || !scheme.path("in").asText().equals("header")
                || !scheme.path("name").asText().equals("X-API-Key")) {
            gaps.add("components.securitySchemes." + SCHEME + ": not an apiKey in the X-API-Key header");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + ": ";
                    check(api, op.getValue()).forEach(gap -> gaps.add(name + gap));
                }
            }
        }
        return gaps;
    }

    private static List<String> check(JsonNode api, JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("description").asText().isBlank() || operation.path("summary").asText().isBlank()) {
            gaps.add("no summary or description");
        }
        boolean secured = false;
        for (JsonNode requirement : operation.path("security")) {
            secured |= requirement.has(SCHEME);
        }
        if (!secured) {
            gaps.add("no " + SCHEME + " security requirement");
        }
        boolean body = operation.has("requestBody");
        if (body && !hasExamples(operation.path("requestBody").path("content"))) {
            gaps.add("request body without an example");
        }
        List<String> errors = new ArrayList<>(List.of("401", "403", "406"));
        if (body || !operation.path("parameters").isEmpty()) {
            errors.add("400");
        }
        if (body) {
            errors.addAll(List.of("413", "415"));
        }
        JsonNode responses = operation.path("responses");
        errors.stream().filter(status -> !responses.has(status)).forEach(status -> gaps.add("no " + status + " response"));
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode response = resolve(api, entry.getValue());
            if (response.isMissingNode()) {
                gaps.add(entry.getKey() + " refers to no component: " + entry.getValue().path("$ref").asText());
            } else if (entry.getKey().startsWith("2")) {
                success |= hasExamples(response.path("content"));
            } else if (!response.path("content").has(PROBLEM) || !hasExamples(response.path("content"))) {
                gaps.add(entry.getKey() + " is not a problem with an example");
            }
        }
        if (!success) {
            gaps.add("no success response with an example");
        }
        return gaps;
    }

    private static JsonNode resolve(JsonNode api, JsonNode response) {
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : api.at(ref.substring(1));
    }

    private static boolean hasExamples(JsonNode content) {
        if (content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            if (media.path("examples").isEmpty() && media.path("example").isMissingNode()) {
                return false;
            }
        }
        return true;
    }
}
