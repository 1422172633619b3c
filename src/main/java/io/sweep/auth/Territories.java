package io.sweep.auth;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Territory tree arithmetic on a child → parent map (parent null for a root). */
public final class Territories {
    private Territories() {}

    public static Set<Long> withDescendants(Map<Long, Long> parentOf, Collection<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        parentOf.forEach((child, parent) -> {
            if (parent != null) children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(child);
        });
        Set<Long> result = new HashSet<>();
        var todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Long t = todo.pop();
            if (result.add(t)) todo.addAll(children.getOrDefault(t, List.of()));
        }
        return result;
    }
}
