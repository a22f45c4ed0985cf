package dev.dermaguard.support.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Serves the Kafka contract, {@code contracts/} of the contract module, at {@code /q/asyncapi/}: {@code asyncapi.yaml}
 * and the JSON Schemas it refers to ({@code schemas/*.schema.json}), so relative references resolve against the same
 * base. Operators only outside dev and local ({@code quarkus.http.auth.permission.api-reference}).
 */
@ApplicationScoped
public class ContractFiles {

    public static final String ROOT = "/q/asyncapi/";
    public static final String DOCUMENT = "asyncapi.yaml";
    private static final Pattern SERVED = Pattern.compile(Pattern.quote(DOCUMENT) + "|schemas/[a-z-]+\\.schema\\.json");

    void serve(@Observes Router router) {
        router.get(ROOT.substring(0, ROOT.length() - 1)).handler(context -> context.redirect(ROOT + DOCUMENT));
        router.get(ROOT + "*").blockingHandler(context -> {
            String name = context.normalizedPath().substring(ROOT.length());
            Buffer file = SERVED.matcher(name).matches() ? read(name) : null;
            if (file == null) {
                context.next(); // a 404 like any unknown path
                return;
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE,
                    name.equals(DOCUMENT) ? "application/yaml" : "application/schema+json").end(file);
        });
    }

    private static Buffer read(String name) {
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream("contracts/" + name)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
