package dev.dermaguard.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import dev.dermaguard.support.problem.Problem;
import dev.dermaguard.support.problem.ProblemMappers;

/**
 * Reads a batch of sessions all or nothing: each item is bound and validated on its own, so the answer names every
 * bad field of every bad item, not only the first one the JSON reader trips over.
 */
@ApplicationScoped
public class SessionBatchReader {

    public static final int MAX_ITEMS = 500;

    private final ObjectReader array;
    private final ObjectReader session;
    private final Validator validator;

    public SessionBatchReader(ObjectMapper mapper, Validator validator) {
        // Exact decimals in the tree: a double would round 0.50000000000000001 to 0.5 and let it pass.
        this.array = mapper.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.session = mapper.readerFor(SessionRequest.class);
        this.validator = validator;
    }

    /** The sessions in the order posted; or an {@link InvalidBatchException} naming every problem. */
    public List<SessionRequest> read(InputStream body) throws IOException {
        JsonNode items = array.readValue(body);
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidBatchException(List.of(new Problem.FieldError("(body)",
                    "must be a JSON array of 1 to " + MAX_ITEMS + " sessions")));
        }
        List<SessionRequest> sessions = new ArrayList<>(items.size());
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                SessionRequest item = session.readValue(items.get(i));
                if (item == null) {
                    errors.add(new Problem.FieldError(at(i, "(body)"), "must be a session, not null"));
                    continue;
                }
                sessions.add(item);
                for (var violation : validator.validate(item)) {
                    errors.add(new Problem.FieldError(at(i, ProblemMappers.jsonPath(violation)), violation.getMessage()));
                }
                Integer first = item.eventId() == null ? null : firstIndexOfId.putIfAbsent(item.eventId(), i);
                if (first != null) {
                    // Consumers keep one event per id: a second item with the same id would be dropped unseen.
                    errors.add(new Problem.FieldError(at(i, "eventId"), "repeats the eventId of item [" + first + "]"));
                }
            } catch (JsonProcessingException e) {
                Problem.FieldError error = ProblemMappers.fieldError(e);
                errors.add(new Problem.FieldError(at(i, error.field()), error.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidBatchException(errors);
        }
        return sessions;
    }

    private static String at(int index, String field) {
        return "[" + index + "]" + ("(body)".equals(field) ? "" : field.startsWith("[") ? field : "." + field);
    }
}
