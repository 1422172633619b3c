package io.sweep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure of a run, per database, one value per repetition. */
final class Results {
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();

    void add(Database.Kind db, String key, double value) {
        values.computeIfAbsent(db.name(), k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    List<Double> get(Database.Kind db, String key) {
        return values.getOrDefault(db.name(), Map.of()).getOrDefault(key, List.of());
    }

    double median(Database.Kind db, String key) {
        return Stats.median(get(db, key));
    }

    /** The median over repetitions of {@code a / b}, paired repetition by repetition. */
    double medianRatio(Database.Kind db, String a, String b) {
        List<Double> x = get(db, a);
        List<Double> y = get(db, b);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) ratios.add(x.get(i) / y.get(i));
        return Stats.median(ratios);
    }

    Map<String, List<Double>> all(Database.Kind db) {
        return values.getOrDefault(db.name(), Map.of());
    }

    boolean has(Database.Kind db) {
        return values.containsKey(db.name());
    }
}
