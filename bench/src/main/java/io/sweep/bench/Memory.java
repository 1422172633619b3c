package io.sweep.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 6: the memory a Sweep process uses while a job runs, read from the outside.
 * <ul>
 *   <li>Peak heap: the largest "used before" of every GC pause in the window, from the process's
 *   {@code -Xlog:gc} file (the heap is fullest right before a collection), and the heap in use at
 *   the end of the window ({@code jcmd GC.heap_info}) in case no GC came after the peak. Also the
 *   largest "used after" of the window's GCs (old garbage stays until a mixed or full collection, so
 *   this is not the live set).</li>
 *   <li>Peak RSS: {@code VmHWM} of {@code /proc/<pid>/status}, reset at the start of the window by
 *   writing 5 to {@code /proc/<pid>/clear_refs}; where that is not allowed, the largest
 *   {@code VmRSS} sampled at every status poll.</li>
 * </ul>
 */
final class Memory {
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern HEAP_USED = Pattern.compile("heap.*?total.*?used (\\d+)K");

    /** Megabytes: peak heap used, peak live after a GC, heap max, peak RSS. */
    record Figure(double heapPeakMb, double liveMb, double heapMaxMb, double rssPeakMb) {}

    static final class Window {
        private final SweepServer server;
        private final long gcLogOffset;
        private final boolean hwmReset;
        private long rssSampledKb;

        private Window(SweepServer server) {
            this.server = server;
            this.gcLogOffset = size(server.gcLog());
            this.hwmReset = resetPeakRss(server.pid());
            sample();
        }

        /** Reads the current RSS (every status poll calls this). */
        void sample() {
            rssSampledKb = Math.max(rssSampledKb, status(server.pid(), "VmRSS"));
        }

        Figure close() {
            sample();
            double peak = 0;
            double live = 0;
            double max = 0;
            for (String line : newLines(server.gcLog(), gcLogOffset).split("\n")) {
                Matcher m = GC_PAUSE.matcher(line);
                if (!m.find()) continue;
                peak = Math.max(peak, mb(m.group(1), m.group(2)));
                live = Math.max(live, mb(m.group(3), m.group(4)));
                max = Math.max(max, mb(m.group(5), m.group(6)));
            }
            peak = Math.max(peak, heapUsedNowMb(server.pid()));
            long rssKb = hwmReset ? Math.max(status(server.pid(), "VmHWM"), rssSampledKb) : rssSampledKb;
            return new Figure(peak, live, max, rssKb / 1024.0);
        }
    }

    private Memory() {}

    static Window open(SweepServer server) {
        return new Window(server);
    }

    private static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A kB figure of /proc/<pid>/status, or 0 where there is none. */
    static long status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has gone
        }
        return 0;
    }

    private static double heapUsedNowMb(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static double mb(String n, String unit) {
        double v = Double.parseDouble(n);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String newLines(Path file, long from) {
        try (var f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length <= from) return "";
            byte[] bytes = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
