package dev.recipediff.local.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a soak's samples as a PNG (Java2D, headless): four panels over time — RSS per process, disk per store,
 * p50/p99 latency, queue depth — each from zero, so that a flat line looks flat.
 */
public final class SoakChart {

    static final int WIDTH = 1200;
    static final int PANEL_HEIGHT = 260;
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x8c564b)
    };

    private SoakChart() {}

    public static void write(List<SoakSample> samples, String title, Path png) throws IOException {
        List<Panel> panels = panels(samples);
        BufferedImage image = new BufferedImage(WIDTH, 40 + PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 20, 26);
            double maxSeconds =
                    samples.stream().mapToDouble(SoakSample::seconds).max().orElse(1);
            for (int i = 0; i < panels.size(); i++) {
                draw(g, panels.get(i), samples, maxSeconds, 40 + i * PANEL_HEIGHT);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private record Panel(String title, Map<String, ToDoubleFunction<SoakSample>> series) {}

    private static List<Panel> panels(List<SoakSample> samples) {
        Map<String, ToDoubleFunction<SoakSample>> rss = new LinkedHashMap<>();
        samples.stream()
                .flatMap(s -> s.rssMiB().keySet().stream())
                .distinct()
                .sorted()
                .forEach(p -> rss.put(p, s -> s.rssMiB().getOrDefault(p, 0.0)));
        rss.put("total", SoakSample::totalRssMiB);
        Map<String, ToDoubleFunction<SoakSample>> disk = new LinkedHashMap<>();
        samples.stream()
                .flatMap(s -> s.diskBytes().keySet().stream())
                .distinct()
                .sorted()
                .forEach(store -> disk.put(store, s -> s.diskBytes().getOrDefault(store, 0L) / 1048576.0));
        Map<String, ToDoubleFunction<SoakSample>> latency = new LinkedHashMap<>();
        latency.put("p50", SoakSample::p50Millis);
        latency.put("p99", SoakSample::p99Millis);
        return List.of(
                new Panel("RSS per process (MiB)", rss),
                new Panel("disk per store (MiB)", disk),
                new Panel("latency, upload -> recorded (ms)", latency),
                new Panel("jobs queue depth", Map.of("queue", s -> s.queueDepth())));
    }

    private static void draw(Graphics2D g, Panel panel, List<SoakSample> samples, double maxSeconds, int top) {
        int left = 80;
        int right = WIDTH - 180;
        int plotTop = top + 30;
        int bottom = top + PANEL_HEIGHT - 40;
        double max = 0;
        for (ToDoubleFunction<SoakSample> metric : panel.series().values()) {
            max = Math.max(max, samples.stream().mapToDouble(metric).max().orElse(0));
        }
        max = max <= 0 ? 1 : max * 1.1;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(panel.title(), left, top + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.LIGHT_GRAY);
        for (int tick = 0; tick <= 4; tick++) {
            int y = bottom - (bottom - plotTop) * tick / 4;
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", max * tick / 4), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.DARK_GRAY);
        for (int tick = 0; tick <= 6; tick++) {
            int x = left + (right - left) * tick / 6;
            g.drawString(String.format(Locale.ROOT, "%.1f min", maxSeconds * tick / 6 / 60), x - 15, bottom + 15);
        }
        int index = 0;
        g.setStroke(new BasicStroke(2f));
        for (Map.Entry<String, ToDoubleFunction<SoakSample>> series :
                panel.series().entrySet()) {
            Color color = COLORS[index % COLORS.length];
            g.setColor(color);
            List<int[]> points = new ArrayList<>();
            for (SoakSample sample : samples) {
                int x = left + (int) ((right - left) * sample.seconds() / Math.max(maxSeconds, 1e-9));
                int y = bottom - (int) ((bottom - plotTop) * series.getValue().applyAsDouble(sample) / max);
                points.add(new int[] {x, y});
            }
            for (int i = 1; i < points.size(); i++) {
                g.drawLine(points.get(i - 1)[0], points.get(i - 1)[1], points.get(i)[0], points.get(i)[1]);
            }
            if (points.size() == 1) {
                g.fillOval(points.getFirst()[0] - 2, points.getFirst()[1] - 2, 4, 4);
            }
            g.drawString(series.getKey(), right + 15, plotTop + 14 + 16 * index);
            index++;
        }
    }
}
