package dev.dermaguard.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.support.json.StrictJsonCustomizer;

/**
 * What a client gets for each kind of mistake: a 400 problem naming the field by its JSON path and what it must be,
 * never the value it sent; other HTTP errors as problems too; anything unexpected a bare 500.
 */
class ProblemMappersTest {

    record Item(Area area, BigDecimal depth) {
    }

    record Batch(List<Item> items) {
    }

    private static final String SECRET = "PUS-AND-SWELLING";

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    /** Reads {@code json} strictly, expecting a {@code type}, and maps it as Quarkus REST would. */
    private <E extends JsonProcessingException> Problem problemOf(Class<E> type, String json,
            Function<E, Response> mapping) {
        E e = assertThrows(type, () -> mapper.readValue(json, Batch.class));
        Response response = mapping.apply(e);
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    @Test
    void aBadEnumNamesItsPathAndTheAcceptedValuesNotTheValueSent() {
        Problem problem = problemOf(InvalidFormatException.class,
                "{\"items\":[{\"area\":\"CHEEKS\"},{\"area\":\"" + SECRET + "\"}]}", mappers::badValue);

        assertEquals("items[1].area", problem.errors().get(0).field());
        assertEquals("must be one of " + Arrays.stream(Area.values()).map(Enum::name).collect(Collectors.joining(", ")),
                problem.errors().get(0).message());
        assertFalse(problem.toString().contains(SECRET));
    }

    @Test
    void anUnknownFieldListsTheAcceptedOnes() {
        Problem problem = problemOf(UnrecognizedPropertyException.class,
                "{\"items\":[{\"" + SECRET + "\":1}]}", mappers::unknownField);

        assertEquals(new Problem.FieldError("items[0]." + SECRET,
                "unknown field; the accepted fields are area, depth"), problem.errors().get(0));
    }

    @Test
    void aWrongJsonTypeSaysWhatTheFieldMustBe() {
        Problem problem = problemOf(MismatchedInputException.class,
                "{\"items\":[{\"depth\":\"0.5\"}]}", mappers::wrongShape);

        assertEquals(new Problem.FieldError("items[0].depth", "must be number"), problem.errors().get(0));
    }

    @Test
    void malformedJsonIsAProblemWithItsLocationOnly() {
        Problem problem = problemOf(JsonProcessingException.class, "{\"items\": [" + SECRET, mappers::otherJson);

        assertEquals(400, problem.status());
        assertNull(problem.errors());
        assertFalse(problem.detail().contains(SECRET), problem.detail());
    }

    @Test
    void anHttpErrorIsAProblemAndAnUnexpectedOneABare500() {
        Response notFound = mappers.http(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals("No such resource", ((Problem) notFound.getEntity()).detail());

        Response unexpected = mappers.unexpected(new IllegalStateException(SECRET));
        assertEquals(500, unexpected.getStatus());
        assertFalse(((Problem) unexpected.getEntity()).toString().contains(SECRET));
    }
}
