package dev.dermaguard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * latest.png: p50 and p99 from POST to assessment against the offered rate, one series per mode, both axes
 * logarithmic, and the baselines as vertical lines: how far the pipeline is from what the broker and the database
 * do on their own.
 */
final class Plot {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Map<String, Color> MODES = Map.of(Load.SINGLE, new Color(0x1f77b4), Load.BATCH, new Color(0xd62728));

    /** A logarithmic axis from {@code low} to {@code high} onto pixels {@code from} to {@code to}. */
    record Axis(double low, double high, int from, int to) {

        int pixel(double value) {
            double share = (Math.log10(Math.max(value, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
            return (int) Math.round(from + share * (to - from));
        }

        /** Powers of ten within the axis. */
        List<Double> decades() {
            List<Double> ticks = new ArrayList<>();
            for (double tick = Math.pow(10, Math.floor(Math.log10(low))); tick <= high; tick *= 10) {
                if (tick >= low) {
                    ticks.add(tick);
                }
            }
            return ticks;
        }

        /** Bounds around {@code min} and {@code max} on whole decades. */
        static Axis around(double min, double max, int from, int to) {
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            return new Axis(low, high, from, to);
        }
    }

    private Plot() {
    }

    static void write(Results results, Path png) throws IOException {
        ImageIO.write(draw(results), "png", png.toFile());
    }

    static BufferedImage draw(Results results) {
        Results.Baselines b = results.baselines();
        List<Results.Point> points = results.trials();
        double minRate = points.stream().mapToDouble(Results.Point::offeredPerSec).min().orElse(10);
        double maxRate = Math.max(Math.max(b.kafkaProduceRecordsPerSec(), b.kafkaConsumeRecordsPerSec()),
                Math.max(b.pgSingleRowInsertsPerSec(),
                        points.stream().mapToDouble(Results.Point::offeredPerSec).max().orElse(100)));
        double minMs = points.stream().mapToDouble(p -> p.latencyMs().toAssessment().p50()).filter(v -> v > 0).min().orElse(1);
        double maxMs = points.stream().mapToDouble(p -> p.latencyMs().toAssessment().p99()).max().orElse(1000);
        Axis x = Axis.around(minRate, maxRate, LEFT, WIDTH - RIGHT);
        Axis y = Axis.around(minMs, maxMs, HEIGHT - BOTTOM, TOP);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        grid(g, x, y);
        baseline(g, x, y, b.kafkaProduceRecordsPerSec(), "Kafka produce", 0);
        baseline(g, x, y, b.kafkaConsumeRecordsPerSec(), "Kafka consume", 1);
        baseline(g, x, y, b.pgSingleRowInsertsPerSec(), "PostgreSQL inserts", 2);
        int legend = 0;
        for (String mode : List.of(Load.SINGLE, Load.BATCH)) {
            List<Results.Point> series = points.stream().filter(p -> p.mode().equals(mode))
                    .sorted((p, q) -> Double.compare(p.offeredPerSec(), q.offeredPerSec())).toList();
            if (series.isEmpty()) {
                continue;
            }
            g.setColor(MODES.get(mode));
            for (Results.Point point : series) {
                int px = x.pixel(point.offeredPerSec());
                int p50 = y.pixel(point.latencyMs().toAssessment().p50());
                int p99 = y.pixel(point.latencyMs().toAssessment().p99());
                g.drawLine(px, p50, px, p99);
                if (point.sustained()) {
                    g.fillOval(px - 4, p50 - 4, 8, 8);
                } else {
                    g.drawOval(px - 4, p50 - 4, 8, 8);
                }
                g.fillRect(px - 4, p99 - 1, 9, 3);
            }
            g.drawString((mode.equals(Load.SINGLE) ? "single posts" : "batches of 100")
                    + ": dot p50, bar p99 (hollow: not sustained)", LEFT + 10, TOP + 15 + 16 * legend++);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("POST to assessment latency (ms) against offered events/s, " + results.mode() + " run "
                + results.date(), LEFT, 25);
        g.dispose();
        return image;
    }

    private static void grid(Graphics2D g, Axis x, Axis y) {
        g.setColor(new Color(0xdddddd));
        for (double tick : x.decades()) {
            g.drawLine(x.pixel(tick), y.from(), x.pixel(tick), y.to());
        }
        for (double tick : y.decades()) {
            g.drawLine(x.from(), y.pixel(tick), x.to(), y.pixel(tick));
        }
        g.setColor(Color.BLACK);
        g.drawRect(x.from(), y.to(), x.to() - x.from(), y.from() - y.to());
        for (double tick : x.decades()) {
            String label = Report.format(tick);
            int width = g.getFontMetrics().stringWidth(label);
            g.drawString(label, Math.min(x.pixel(tick) - width / 2, WIDTH - width - 2), y.from() + 18);
        }
        for (double tick : y.decades()) {
            g.drawString(Report.format(tick), x.from() - 50, y.pixel(tick) + 5);
        }
        g.drawString("offered events/s (log)", (x.from() + x.to()) / 2 - 60, HEIGHT - 15);
        g.drawString("ms (log)", 10, TOP - 10);
    }

    /** A dashed vertical line at a baseline's rate, labelled on row {@code row} beside it. */
    private static void baseline(Graphics2D g, Axis x, Axis y, double rate, String label, int row) {
        if (rate <= 0) {
            return;
        }
        g.setColor(new Color(0x2ca02c));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        int px = x.pixel(rate);
        g.drawLine(px, y.from(), px, y.to());
        g.setStroke(new BasicStroke());
        String text = label + " " + Report.format(rate) + "/s";
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, px - width - 4 > x.from() ? px - width - 4 : px + 4, y.from() - 12 - 16 * row);
    }
}
