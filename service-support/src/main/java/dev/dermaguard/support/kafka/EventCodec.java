package dev.dermaguard.support.kafka;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * JSON of the events on Kafka. Writing is strict and reading tolerant of fields it does not know, so a
 * producer can add a field before its consumers learn about it; what is read holds to the record's Bean Validation
 * constraints, or it is unprocessable.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final Validator validator;
    /** A reader per event type, made once: every record of every consumer is read through one. */
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
    };

    public EventCodec(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public String write(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** @throws UnprocessableRecordException for JSON that is no {@code type}, or breaks one of its constraints */
    public <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new UnprocessableRecordException("empty record value, expected " + type.getSimpleName());
        }
        T event;
        try {
            event = readers.get(type).readValue(json);
        } catch (JsonProcessingException e) {
            // The location, not the message: Jackson quotes the offending value, which may be health data.
            throw new UnprocessableRecordException("not a valid " + type.getSimpleName() + " at "
                    + e.getLocation() + ": " + e.getClass().getSimpleName());
        }
        // Each field and its constraint's message, never the rejected value.
        String violations = validator.validate(event).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining(", "));
        if (!violations.isEmpty()) {
            throw new UnprocessableRecordException("invalid " + type.getSimpleName() + ": " + violations);
        }
        return event;
    }
}
