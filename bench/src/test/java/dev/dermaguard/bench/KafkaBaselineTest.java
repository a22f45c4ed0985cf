package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KafkaBaselineTest {

    @Test
    void producerRateIsTheSummaryLinesNotAnInterimOne() {
        String output = """
                121321 records sent, 24254.1 records/sec (9.25 MB/sec), 1401.3 ms avg latency, 2304.0 ms max latency.
                500000 records sent, 41666.7 records/sec (15.89 MB/sec), 1126.94 ms avg latency, 2304.00 ms max latency, 1090 ms 50th, 2010 ms 95th, 2234 ms 99th, 2290 ms 99.9th.
                """;

        assertEquals(41666.7, KafkaBaseline.producedPerSecond(output));
    }

    @Test
    void consumerRateIsFetchRecordsPerSecond() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-12-01 12:00:00:000, 2026-12-01 12:00:05:000, 190.7349, 38.1470, 500000, 100000.0000, 3012, 1988, 95.9431, 251509.0543
                """;

        assertEquals(251509.0543, KafkaBaseline.consumedPerSecond(output));
    }

    @Test
    void consumerLinesBetweenHeaderAndFiguresAreSkipped() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                [main] INFO org.apache.kafka.clients.consumer.ConsumerConfig - ConsumerConfig values:
                	allow.auto.create.topics = true
                2026-12-01 11:51:29:001, 2026-12-01 11:51:31:443, 19.0735, 7.8106, 50000, 20475.0205, 1500, 942, 20.2479, 53078.5563
                """;

        assertEquals(53078.5563, KafkaBaseline.consumedPerSecond(output));
    }

    @Test
    void noSummaryIsAFailureThatShowsTheOutput() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KafkaBaseline.consumedPerSecond("WARN could not connect"));
        assertTrue(e.getMessage().contains("could not connect"));
    }
}
