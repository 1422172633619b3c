package io.sweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * With {@code --profile}: a JDK Flight Recording of the Sweep process around one scenario
 * ({@code jcmd JFR.start/JFR.stop}, the "profile" settings: a stack sample every 10–20 ms), and a
 * summary of where the time went — by component (the code at the top of each sampled stack), by
 * the innermost Sweep method on the stack, and by the hottest methods.
 */
final class Profiler {
    private Profiler() {}

    static void start(SweepServer server, String name) {
        // every socket read (a query's round trip to PostgreSQL) and every park of 1 ms or more (waiting
        // for H2's one connection, for a lock) is recorded with its stack: where the wall-clock time goes
        jcmd(server, "JFR.start", "name=" + name, "settings=profile", "jdk.SocketRead#threshold=0ms", "jdk.ThreadPark#threshold=1ms",
                "jdk.JavaMonitorEnter#threshold=1ms");
    }

    static Path stop(SweepServer server, String name, Path file) {
        jcmd(server, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        return file;
    }

    private static void jcmd(SweepServer server, String... args) {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid())));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("jcmd " + command + ": " + out);
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text summary of the recording's execution samples (Java code running) and native samples (waiting in native code, e.g. on a socket). */
    static String summary(Path recording, String title) {
        Map<String, Integer> component = new HashMap<>();
        Map<String, Integer> sweepFrame = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> nativeWait = new HashMap<>();
        Map<String, Integer> socketMillis = new HashMap<>();
        Map<String, Integer> parkMillis = new HashMap<>();
        int samples = 0;
        int natives = 0;
        int socketTotal = 0;
        int parkTotal = 0;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
                String type = e.getEventType().getName();
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) continue;
                List<RecordedFrame> frames = st.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    component.merge(component(frames), 1, Integer::sum);
                    top.merge(method(frames.get(0)), 1, Integer::sum);
                    sweepFrame.merge(innermostSweep(frames), 1, Integer::sum);
                } else if (type.equals("jdk.NativeMethodSample")) {
                    if (!hasSweepFrame(frames)) continue;
                    natives++;
                    nativeWait.merge(innermostSweep(frames), 1, Integer::sum);
                } else if (type.equals("jdk.SocketRead")) {
                    if (!hasSweepFrame(frames)) continue;
                    int ms = (int) Math.round(e.getDuration().toNanos() / 1e6);
                    socketTotal += ms;
                    socketMillis.merge(innermostSweep(frames), ms, Integer::sum);
                } else if (type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter")) {
                    if (!hasSweepFrame(frames)) continue;
                    int ms = (int) Math.round(e.getDuration().toNanos() / 1e6);
                    parkTotal += ms;
                    parkMillis.merge(innermostSweep(frames) + " (" + firstNonJdk(frames) + ")", ms, Integer::sum);
                }
            }
        } catch (IOException e) {
            return "(could not read " + recording + ": " + e + ")";
        }
        var out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        out.append("Java code running: ").append(samples).append(" execution samples.\n\n");
        out.append("By component (top of the stack):\n").append(table(component, samples, 12)).append('\n');
        out.append("By innermost Sweep method on the stack:\n").append(table(sweepFrame, samples, 15)).append('\n');
        out.append("Hottest methods (self):\n").append(table(top, samples, 15)).append('\n');
        out.append("Sweep code waiting in native code (a socket read: the database): ").append(natives).append(" samples.\n")
                .append(table(nativeWait, natives, 8)).append('\n');
        out.append("Wall-clock time in socket reads (round trips to the database) under Sweep code: ").append(socketTotal).append(" ms.\n")
                .append(millis(socketMillis, 12)).append('\n');
        out.append("Wall-clock time parked or blocked ≥ 1 ms under Sweep code (waiting for a connection or a lock): ").append(parkTotal)
                .append(" ms.\n").append(millis(parkMillis, 8)).append('\n');
        return out.toString();
    }

    private static String table(Map<String, Integer> counts, int total, int limit) {
        Map<String, Integer> sorted = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        var out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(String.format("  %5.1f %%  %s%n", 100.0 * v / Math.max(1, total), k)));
        return out.toString();
    }

    private static String millis(Map<String, Integer> counts, int limit) {
        var out = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format("  %7d ms  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    private static boolean hasSweepFrame(List<RecordedFrame> frames) {
        return frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("io.sweep."));
    }

    /** The first frame outside the JDK: which library is waiting. */
    private static String firstNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (!t.startsWith("java.") && !t.startsWith("jdk.") && !t.startsWith("sun.")) return method(f);
        }
        return "JDK";
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String innermostSweep(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("io.sweep.")) return method(f);
        }
        return "(no Sweep frame: " + component(frames) + ")";
    }

    /** What the code at the top of the stack belongs to. */
    static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            String c = componentOf(t);
            if (c != null) return c;
        }
        return "JDK";
    }

    private static String componentOf(String type) {
        if (type.startsWith("org.h2.")) return "H2 engine";
        if (type.startsWith("org.postgresql.")) return "PostgreSQL driver";
        if (type.startsWith("org.jdbi.")) return "Jdbi";
        if (type.startsWith("com.zaxxer.hikari.")) return "HikariCP";
        if (type.startsWith("com.github.kagkarlsson.")) return "db-scheduler";
        if (type.startsWith("com.oracle.truffle.") || type.startsWith("org.graalvm.") || type.startsWith("com.oracle.js.")) return "GraalJS / Truffle";
        if (type.startsWith("com.fasterxml.jackson.")) return "Jackson";
        if (type.startsWith("org.eclipse.jetty.") || type.startsWith("io.javalin.")) return "Jetty / Javalin";
        if (type.startsWith("org.flywaydb.")) return "Flyway";
        if (type.startsWith("ch.qos.logback.") || type.startsWith("org.slf4j.")) return "logging";
        if (type.startsWith("io.sweep.")) return "Sweep " + type.substring("io.sweep.".length()).replaceAll("\\.[^.]*$", "");
        return null;
    }
}
