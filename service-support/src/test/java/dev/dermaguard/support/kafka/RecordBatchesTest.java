package dev.dermaguard.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import dev.dermaguard.contract.kafka.CloudEventHeaders;

/**
 * What a batch does with each of its records: the unit under test is the settling of records, so the batch and its
 * records are stand-ins that remember whether they were acknowledged or sent to the dead-letter topic.
 */
class RecordBatchesTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    /** Each record's id to how it was settled: "ack", or "nack: <reason>". */
    private final Map<String, String> settled = new LinkedHashMap<>();

    @AfterEach
    void takeRecordsAgain() {
        ConsumerRetry.start();
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAloneAndTheOthersTakeEffectTogether() {
        List<List<String>> transactions = new ArrayList<>();

        RecordBatches.process("batch-test", batch("a", "poison", "b"), RecordBatchesTest::read, items -> {
            transactions.add(items.stream().map(RecordBatches.Item::event).toList());
            return Uni.createFrom().voidItem();
        }).await().atMost(BOUND);

        assertEquals(List.of(List.of("a", "b")), transactions, "one transaction, without the poison");
        assertEquals(Map.of("a", "ack", "poison", "nack: unreadable poison", "b", "ack"), settled);
    }

    @Test
    void aBatchThatMeetsAnUnprocessableEventIsTakenOneByOneSoOnlyThatEventIsDeadLettered() {
        List<List<String>> transactions = new ArrayList<>();

        RecordBatches.process("batch-test", batch("a", "refused", "b"), RecordBatchesTest::read, items -> {
            List<String> events = items.stream().map(RecordBatches.Item::event).toList();
            transactions.add(events);
            return events.contains("refused")
                    ? Uni.createFrom().failure(new UnprocessableRecordException("refused by the rules"))
                    : Uni.createFrom().voidItem();
        }).await().atMost(BOUND);

        assertEquals(List.of(List.of("a", "refused", "b"), List.of("a"), List.of("refused"), List.of("b")),
                transactions, "the whole batch rolled back, then each event alone, in order");
        assertEquals(Map.of("a", "ack", "refused", "nack: refused by the rules", "b", "ack"), settled);
    }

    @Test
    void aPassingFaultRetriesTheWholeBatchAndDeadLettersNothing() {
        AtomicInteger attempts = new AtomicInteger();

        RecordBatches.process("batch-test", batch("a", "b"), RecordBatchesTest::read, items ->
                attempts.incrementAndGet() <= 3 ? Uni.createFrom().failure(new IllegalStateException("database down"))
                        : Uni.createFrom().voidItem()).await().atMost(BOUND);

        assertEquals(4, attempts.get());
        assertEquals(Map.of("a", "ack", "b", "ack"), settled);
    }

    @Test
    void recordsOfAnotherConsumerAreAcknowledgedWithoutATransaction() {
        AtomicInteger transactions = new AtomicInteger();

        RecordBatches.process("batch-test", batch("other", "other2"), record -> Optional.empty(), items -> {
            transactions.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().atMost(BOUND);

        assertEquals(0, transactions.get());
        assertEquals(Map.of("other", "ack", "other2", "ack"), settled);
    }

    /** Records whose value names a poison one cannot be read. */
    private static Optional<String> read(KafkaRecord<String, String> record) {
        if (record.getPayload().equals("poison")) {
            throw new UnprocessableRecordException("unreadable poison");
        }
        return Optional.of(record.getPayload());
    }

    @SuppressWarnings("unchecked")
    private KafkaRecordBatch<String, String> batch(String... values) {
        List<KafkaRecord<String, String>> records = Arrays.stream(values).map(this::record).toList();
        return (KafkaRecordBatch<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { KafkaRecordBatch.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getRecords" -> records;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private KafkaRecord<String, String> record(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, value.getBytes(StandardCharsets.UTF_8));
        return (KafkaRecord<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { KafkaRecord.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getPayload" -> value;
                    case "getHeaders" -> headers;
                    case "ack" -> {
                        settled.put(value, "ack");
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "nack" -> {
                        settled.put(value, "nack: " + ((Throwable) args[0]).getMessage());
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
