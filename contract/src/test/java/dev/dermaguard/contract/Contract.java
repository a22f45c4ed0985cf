package dev.dermaguard.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The contract files as the services serve them (classpath {@code contracts/}), and the events as they write them. */
final class Contract {

    static final String ROOT = "contracts/";
    static final String ASYNCAPI = "asyncapi.yaml";

    /** Like Quarkus's ObjectMapper when it writes an event: ISO-8601 times, nulls written out. */
    static final ObjectMapper EVENTS = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Contract() {
    }

    static JsonNode asyncApi() {
        return read(ASYNCAPI, new YAMLMapper());
    }

    static JsonNode schema(String file) {
        return read("schemas/" + file, new ObjectMapper());
    }

    private static JsonNode read(String name, ObjectMapper mapper) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("no contract file " + ROOT + name);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
