package dev.dermaguard.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C trace context an outbox row keeps from the transaction that wrote it and its record carries as a header,
 * where the consumer's Kafka connector picks it up: one trace from the request to the last record it caused.
 */
final class TraceParent {

    static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** Of the span current on this thread or Vert.x context; empty outside a trace. */
    static Optional<String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(HEADER));
    }
}
