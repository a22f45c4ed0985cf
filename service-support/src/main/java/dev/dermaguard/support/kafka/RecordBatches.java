package dev.dermaguard.support.kafka;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import dev.dermaguard.contract.kafka.CloudEventHeaders;

/**
 * How a consumer takes the records of one poll at once: a transaction per batch instead of one per record, so the
 * fixed cost of a transaction (its statements, its commit, the outbox relay it wakes) is paid once per batch.
 * <p>
 * Every guarantee of {@link ConsumerRetry} holds per record. A record that cannot be read goes to the dead-letter
 * topic alone and never enters the transaction. A batch that fails on a passing fault is tried again whole,
 * without limit. A batch that fails on a record that can never be processed is taken again one record at a time,
 * so only that record is dead-lettered. Each record is acknowledged only after the transaction that holds its
 * effect committed; the order of one partition's records is kept.
 */
public final class RecordBatches {

    /** A record read into its event, with the trace it carries, so each event's work runs in its own trace. */
    public record Item<T>(String eventId, T event, Context trace) {

        /** An event that comes with no trace (tests that call a service directly). */
        public static <T> Item<T> untraced(String eventId, T event) {
            return new Item<>(eventId, event, Context.root());
        }
    }

    /** What a record holds: an event to process, nothing to do (another consumer's type), or a poison record. */
    @FunctionalInterface
    public interface Reader<T> {
        /** @throws UnprocessableRecordException for a record that can never be processed */
        Optional<T> read(KafkaRecord<String, String> record);
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : CloudEventHeaders.get(headers, key).orElse(null);
        }
    };

    private RecordBatches() {
    }

    /**
     * @param work all the events read from the batch, in the order received; one transaction for all of them
     */
    public static <T> Uni<Void> process(String channel, KafkaRecordBatch<String, String> batch, Reader<T> reader,
            Function<List<Item<T>>, Uni<Void>> work) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        // By identity: a re-posted event may come twice in one batch, as equal items.
        Map<KafkaRecord<String, String>, Throwable> poison = new IdentityHashMap<>();
        List<Item<T>> items = new ArrayList<>();
        Map<Item<T>, KafkaRecord<String, String>> recordOf = new IdentityHashMap<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                reader.read(record).ifPresent(event -> {
                    Item<T> item = new Item<>(idOf(record), event, W3CTraceContextPropagator.getInstance()
                            .extract(Context.root(), record.getHeaders(), HEADERS));
                    items.add(item);
                    recordOf.put(item, record);
                });
            } catch (UnprocessableRecordException e) {
                poison.put(record, e);
            }
        }
        if (items.isEmpty()) {
            return settle(channel, records, poison);
        }
        return ConsumerRetry.retrying(channel, items.size() + " events", () -> work.apply(items))
                .replaceWith(true)
                .onFailure(UnprocessableRecordException.class).recoverWithItem(false)
                .flatMap(together -> together ? Uni.createFrom().voidItem() : oneByOne(channel, items, work, recordOf, poison))
                .invoke(done -> items.stream().filter(item -> !poison.containsKey(recordOf.get(item)))
                        .forEach(item -> inTrace(item, () -> ConsumerRetry.processed(channel, item.eventId()))))
                .flatMap(done -> settle(channel, records, poison));
    }

    /**
     * Runs {@code each} for every item in turn, each in its item's trace: what it logs and what it queues on the
     * outbox carry the trace of the request that caused the event.
     */
    public static <T> Uni<Void> inOrder(List<Item<T>> items, Function<Item<T>, Uni<Void>> each) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> Uni.createFrom().deferred(() -> {
                    Scope scope = item.trace().makeCurrent();
                    return each.apply(item).onTermination().invoke(scope::close);
                }))
                .collect().last().replaceWithVoid();
    }

    /** A batch that met a record it can never process: each event in a transaction of its own, in order. */
    private static <T> Uni<Void> oneByOne(String channel, List<Item<T>> items, Function<List<Item<T>>, Uni<Void>> work,
            Map<Item<T>, KafkaRecord<String, String>> recordOf, Map<KafkaRecord<String, String>, Throwable> poison) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> ConsumerRetry
                        .retrying(channel, item.eventId(), () -> work.apply(List.of(item)))
                        .onFailure(UnprocessableRecordException.class).recoverWithUni(e -> {
                            poison.put(recordOf.get(item), e);
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last().replaceWithVoid();
    }

    /** Acknowledges every record that took effect and sends the others to the dead-letter topic, in order. */
    private static Uni<Void> settle(String channel, List<KafkaRecord<String, String>> records,
            Map<KafkaRecord<String, String>, Throwable> poison) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> {
                    Throwable reason = poison.get(record);
                    if (reason == null) {
                        return Uni.createFrom().completionStage(record::ack);
                    }
                    ConsumerRetry.deadLettered(channel, idOf(record), reason);
                    return Uni.createFrom().completionStage(() -> record.nack(reason));
                })
                .collect().last().replaceWithVoid();
    }

    private static void inTrace(Item<?> item, Runnable action) {
        try (Scope scope = item.trace().makeCurrent()) {
            action.run();
        }
    }

    private static String idOf(KafkaRecord<String, String> record) {
        return CloudEventHeaders.get(record.getHeaders(), CloudEventHeaders.ID).orElse("(no ce_id)");
    }
}
