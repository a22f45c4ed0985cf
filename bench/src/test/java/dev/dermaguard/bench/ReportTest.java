package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportTest {

    private static final Percentiles P = new Percentiles(12.5, 80, 140);
    private static final Results RESULTS = new Results("2026-12-01", "2 cores", "quick", 95.3,
            new Results.Baselines(41_000, 250_000, 22_500),
            new Results.Pipeline(1_200, 800, 1_150, 310, 7.5,
                    Map.of("atHalfMax", new Results.Latency(P, new Percentiles(200, 400, 450)))),
            new Results.HistoryCost(1_100, 1_000, 600, 10),
            Map.of("intake-service", new Results.ServiceFigures(5_300, 210, 375)),
            List.of(new Results.Point(Load.SINGLE, 400, 399, true, new Results.Latency(P, P)),
                    new Results.Point(Load.BATCH, 1600, 1200, false, new Results.Latency(P, P))));

    /** The keys issue 11 names, at the paths it shows them. */
    @Test
    void jsonHasTheFiguresWhereTheIssueExpectsThem() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Report.json(RESULTS));

        assertEquals(22_500, json.at("/baselines/pgSingleRowInsertsPerSec").asDouble());
        assertEquals(41_000, json.at("/baselines/kafkaProduceRecordsPerSec").asDouble());
        assertEquals(250_000, json.at("/baselines/kafkaConsumeRecordsPerSec").asDouble());
        assertEquals(1_200, json.at("/pipeline/maxSustainedEventsPerSec").asDouble());
        assertEquals(800, json.at("/pipeline/maxSustainedSinglePostsPerSec").asDouble());
        assertEquals(7.5, json.at("/pipeline/pgStatementsPerEvent").asDouble());
        assertEquals(310, json.at("/pipeline/coldDrainPerSec").asDouble());
        assertEquals(140, json.at("/pipeline/latencyMs/atHalfMax/toAssessment/p999").asDouble());
        assertEquals(400, json.at("/pipeline/latencyMs/atHalfMax/toAlert/p99").asDouble());
        assertEquals(1_000, json.at("/historyCost/eventsPerSecWith100000").asDouble());
        assertEquals(600, json.at("/historyCost/eventsPerSecDenseMonth").asDouble());
        assertEquals(5_300, json.at("/services/intake-service/readyMs").asLong());
        assertEquals(375, json.at("/services/intake-service/rssMbLoaded").asLong());
    }

    @Test
    void markdownShowsTheRatiosTheTargetsAreSetIn() {
        String md = Report.markdown(RESULTS);

        assertTrue(md.contains("| batched max / PostgreSQL inserts | 0.05 |"), md);
        assertTrue(md.contains("| atHalfMax | 12.5 / 80.0 / 140 | 200 / 400 / 450 |"), md);
        assertTrue(md.contains("| pipeline, first backlog's drain, cold services (assessments/s) | 310 |"), md);
    }

    @Test
    void aLogAxisPutsEachDecadeAtAnEqualStep() {
        Plot.Axis axis = Plot.Axis.around(35, 80_000, 0, 500);

        assertEquals(List.of(10.0, 100.0, 1_000.0, 10_000.0, 100_000.0), axis.decades());
        assertEquals(125, axis.pixel(100));
        assertEquals(250, axis.pixel(1_000));
    }

    @Test
    void thePlotIsDrawnWithoutADisplay() {
        BufferedImage image = Plot.draw(RESULTS);

        assertEquals(Plot.WIDTH, image.getWidth());
    }
}
