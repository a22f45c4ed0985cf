package dev.dermaguard.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.dermaguard.contract.events.Area;

/** Requests are read strictly: every shape below is refused, not coerced or dropped. */
class StrictJsonCustomizerTest {

    record Request(UUID id, String userId, int count, BigDecimal depth, boolean flag, Area area, OffsetDateTime at) {
    }

    private static final String VALID = """
            {"id":"0b7d8f9e-6f0a-4c55-9a43-3f1f2d3c4b5a","userId":"u-1","count":2,"depth":0.5,"flag":true,\
            "area":"CHEEKS","at":"2026-01-02T03:04:05+02:00"}""";

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void aValidRequestIsReadWithTheOffsetItCame() throws JsonProcessingException {
        Request read = mapper.readValue(VALID, Request.class);

        assertEquals(new BigDecimal("0.5"), read.depth());
        assertEquals(Area.CHEEKS, read.area());
        assertEquals("+02:00", read.at().getOffset().getId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\"userId\":\"u-1\" -> \"userId\":\"u-1\",\"extra\":1",
        "\"count\":2 -> \"count\":\"2\"",
        "\"count\":2 -> \"count\":2.5",
        "\"depth\":0.5 -> \"depth\":\"0.5\"",
        "\"flag\":true -> \"flag\":1",
        "\"flag\":true -> \"flag\":\"true\"",
        "\"userId\":\"u-1\" -> \"userId\":1",
        "\"area\":\"CHEEKS\" -> \"area\":0",
        "\"area\":\"CHEEKS\" -> \"area\":\" CHEEKS\"",
        "\"at\":\"2026-01-02T03:04:05+02:00\" -> \"at\":1767315845",
        "\"id\":\"0b7d8f9e-6f0a-4c55-9a43-3f1f2d3c4b5a\" -> \"id\":\" 0b7d8f9e-6f0a-4c55-9a43-3f1f2d3c4b5a\"",
        "\"count\":2 -> \"count\":2,\"count\":3",
        "\"count\":2 -> \"count\":null"})
    void aLooseShapeIsRefused(String change) {
        String[] fromTo = change.split(" -> ");
        String json = VALID.replace(fromTo[0], fromTo[1]);

        assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Request.class), json);
    }

    @Test
    void trailingTokensAreRefused() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue(VALID + " {}", Request.class));
    }
}
