package dev.dermaguard.contract.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode. Only envelope facts go here (id, type, source, time of
 * publication): headers are read by brokers, tools and proxies, so no health data may ever be put in them.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** The source of an app's event names the app, so {@code (ce_source, ce_id)} is unique as CloudEvents asks. */
    public static String appSource(String appId) {
        return "/dermaguard/apps/" + appId;
    }

    public static Headers of(UUID id, String type, String source, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, id.toString());
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, TIME, time.toString());
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
