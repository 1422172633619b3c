package io.sweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/** Where and on what a run happened: date, machine, JDK, the commit of Sweep and of the jar. */
record Machine(String date, int cores, String cpu, String memory, String jdk, String os, String commit, String jar, String loadAverage) {

    static Machine describe(Path root, Path jar) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String jdk = System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String commit = git(root, "rev-parse", "--short=12", "HEAD");
        String dirty = git(root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results");
        if (!dirty.isBlank()) commit += " (with uncommitted changes)";
        String jarInfo;
        try {
            jarInfo = "target/sweep.jar built " + Files.getLastModifiedTime(jar).toInstant().atZone(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        } catch (IOException e) {
            jarInfo = "target/sweep.jar";
        }
        return new Machine(date, Runtime.getRuntime().availableProcessors(), cpu, memory, jdk, os, commit, jarInfo, currentLoad());
    }

    static String currentLoad() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String oneLine() {
        return String.format("%d cores (%s), %s, %s, %s, commit %s, load %s", cores, cpu, memory, jdk, os, commit, loadAverage);
    }

    String markdown() {
        return String.format("""
                - date: %s
                - machine: %d cores (%s), %s memory, %s; load average at the start %s
                - JDK: %s (the harness, the ceiling JVMs and Sweep)
                - commit: %s; %s
                """, date, cores, cpu, memory, os, loadAverage, jdk, commit, jar);
    }

    private static String git(Path root, String... args) {
        try {
            var command = new java.util.ArrayList<String>();
            command.add("git");
            command.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
