package io.sweep.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

/** One reading of {@code GET /metrics} in Prometheus' text format, and the value of a series in it. */
public record Scrape(String text) {

    /** Scrapes with this client, which must be let through. */
    public static Scrape of(Http http) {
        var response = http.get("/metrics");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /**
     * The value of the one series named {@code name} whose labels include each of {@code labels}
     * ({@code key="value"}), or 0 when there is none (a counter not yet incremented).
     */
    public double value(String name, String... labels) {
        List<String> lines = series(name, labels);
        assertThat(lines).as("series %s%s", name, Arrays.toString(labels)).hasSizeLessThanOrEqualTo(1);
        if (lines.isEmpty()) return 0;
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Every line of a series named {@code name} with all of {@code labels}. */
    public List<String> series(String name, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .toList();
    }
}
