package dev.dermaguard.risk.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.testsupport.fuzz.Fuzzer;
import dev.dermaguard.testsupport.fuzz.ReadRequests;

/**
 * Generated hostile reads of risk profiles and assessments against the real database: hostile ids and encodings,
 * limits, keys, methods, content types. No answer may be a 5xx;
 * every refusal is a problem. Reproducible with {@code -Dfuzz.seed=...}; {@code -Dfuzz.requests=...} changes how many.
 */
@QuarkusTest
@RiskInfrastructure
class HostileReadsFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void noHostileReadIsAServerError() throws Exception {
        Fuzzer.Result result = ReadRequests.fuzz(root, "risk", ReadRequests.RISK);
        assertTrue(result.failures().isEmpty(), String.join("\n", result.failures()));
    }
}
