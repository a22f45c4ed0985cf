package dev.dermaguard.common.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON of the events on Kafka. Writing is strict and reading tolerant of fields it does not know, so a
 * producer can add a field before its consumers learn about it.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new UnprocessableRecordException("empty record value, expected " + type.getSimpleName());
        }
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            // The location, not the message: Jackson quotes the offending value, which may be health data.
            throw new UnprocessableRecordException("not a valid " + type.getSimpleName() + " at "
                    + e.getLocation() + ": " + e.getClass().getSimpleName());
        }
    }
}
