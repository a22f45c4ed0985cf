package dev.dermaguard.bench;

import java.util.List;
import java.util.Map;

/** What a run measured: written as bench/results/latest.json, named as issue 11 names the figures. */
record Results(String date, String machine, String mode, double seconds, Baselines baselines, Pipeline pipeline,
               HistoryCost historyCost, Map<String, ServiceFigures> services, List<Point> trials) {

    record Baselines(double kafkaProduceRecordsPerSec, double kafkaConsumeRecordsPerSec,
                     double pgSingleRowInsertsPerSec) {
    }

    /**
     * @param backlogDrainPerSec a backlog's drain once the services are warm
     * @param coldDrainPerSec the first backlog's, while the JIT compiler has yet to compile the services' hot paths
     * @param latencyMs single posts at {@code atQuarterMax}, {@code atHalfMax} and {@code atThreeQuartersMax} of
     *        {@code maxSustainedSinglePostsPerSec}
     */
    record Pipeline(double maxSustainedEventsPerSec, double maxSustainedSinglePostsPerSec, double backlogDrainPerSec,
                    double coldDrainPerSec, double pgStatementsPerEvent, Map<String, Latency> latencyMs) {
    }

    record Latency(Percentiles toAssessment, Percentiles toAlert) {
    }

    /** Drain rates of a backlog of events for {@code users} users with such a past. */
    record HistoryCost(double eventsPerSecWith100, double eventsPerSecWith100000, double eventsPerSecDenseMonth,
                       int users) {
    }

    record ServiceFigures(long readyMs, long rssMbIdle, long rssMbLoaded) {
    }

    /** One trial of load: what the plot shows. */
    record Point(String mode, double offeredPerSec, double achievedPerSec, boolean sustained, Latency latencyMs) {
    }
}
