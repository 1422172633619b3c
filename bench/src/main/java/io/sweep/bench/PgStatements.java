package io.sweep.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With {@code --pg-statements}: PostgreSQL logs the time of every parse, bind and execute
 * ({@code log_min_duration_statement=0}); this sums a slice of that log by statement, which is
 * the server's side of where a PostgreSQL job's time goes.
 */
final class PgStatements {
    private static final Pattern LINE = Pattern.compile("duration: ([0-9.]+) ms\\s+(parse|bind|execute|statement)[^:]*:\\s*(.*)");

    private PgStatements() {}

    static String summary(Path log, long from) {
        Map<String, double[]> byStatement = new HashMap<>();
        double total = 0;
        try (var f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(from);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) continue;
                double ms = Double.parseDouble(m.group(1));
                String sql = m.group(3).replaceAll("\\s+", " ");
                String key = m.group(2) + ": " + (sql.length() > 90 ? sql.substring(0, 90) + "…" : sql);
                double[] v = byStatement.computeIfAbsent(key, k -> new double[2]);
                v[0] += ms;
                v[1]++;
                total += ms;
            }
        } catch (IOException e) {
            return "(no PostgreSQL log: " + e + ")\n";
        }
        var out = new StringBuilder(String.format("PostgreSQL server time by statement (log_min_duration_statement=0): %.0f ms%n", total));
        byStatement.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(e -> out.append(String.format("  %8.0f ms %7.0f×  %s%n", e.getValue()[0], e.getValue()[1], e.getKey())));
        return out.toString();
    }
}
