package dev.dermaguard.notify.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.fuzz.Fuzzer;
import dev.dermaguard.testsupport.fuzz.ReadRequests;

/**
 * Generated hostile reads of alerts, clinic alerts, their streams and the audit log against the real
 * database: hostile ids and encodings, limits, cursors, Last-Event-ID, keys, methods, content types. No answer may be a 5xx;
 * every refusal is a problem. Reproducible with {@code -Dfuzz.seed=...}; {@code -Dfuzz.requests=...} changes how many.
 */
@QuarkusTest
@NotifyInfrastructure
class HostileReadsFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void noHostileReadIsAServerError() throws Exception {
        Fuzzer.Result result = ReadRequests.fuzz(root, "notify", ReadRequests.NOTIFY);
        assertTrue(result.failures().isEmpty(), String.join("\n", result.failures()));
    }
}
